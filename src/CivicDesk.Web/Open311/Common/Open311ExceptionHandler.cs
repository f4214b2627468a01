using System.Diagnostics;
using CivicDesk.Core.Data;
using CivicDesk.Web.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// Answers an exception on an Open311 route with the spec's error list instead of problem details:
/// 400 for input the framework could not read, 503 with <c>Retry-After</c> for a write that waited too long for
/// the database's other writers, and otherwise a 500 that names only the trace id.
/// Other routes fall through to the host's handler.
/// </summary>
internal sealed class Open311ExceptionHandler(ILogger<Open311ExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken)
    {
        if (!Open311Endpoints.IsOpen311Path(httpContext.Request.Path) || httpContext.Response.HasStarted)
        {
            return false;
        }

        string traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        Open311Format format = Open311Formats.Guess(httpContext.Request.Path);
        if (exception is DatabaseBusyException busy)
        {
            httpContext.Response.Headers.RetryAfter = BusyAnswer.RetryAfterSeconds(busy);
            const int Unavailable = StatusCodes.Status503ServiceUnavailable;
            await new Open311Errors(Unavailable, [new Open311ErrorItem(Unavailable, BusyAnswer.Title)], format)
                .ExecuteAsync(httpContext);
            return true;
        }

        bool malformed = exception is BadHttpRequestException or FormatException or InvalidDataException;
        int status = malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
        if (malformed)
        {
            Log.Malformed(logger, exception.GetType().Name, traceId);
        }
        else
        {
            Log.Failed(logger, exception.GetType().Name, traceId, exception);
        }

        string description = malformed
            ? "The request could not be read."
            : $"Something went wrong on our side; quote trace {traceId}.";
        await new Open311Errors(status, [new Open311ErrorItem(status, description)], format).ExecuteAsync(httpContext);
        return true;
    }
}
