using System.Diagnostics;
using CivicDesk.Core.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CivicDesk.Web.Errors;

/// <summary>
/// Logs an unexpected exception by type and trace id only, and answers a generic problem without
/// messages, paths or stack traces. Malformed input that the framework rejects becomes a 400; a write that waited
/// too long for the database's other writers (<see cref="DatabaseBusyException"/>) a 503 with <c>Retry-After</c>.
/// </summary>
internal sealed class UnhandledExceptionHandler(
    IProblemDetailsService problems,
    ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken)
    {
        string traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        if (exception is DatabaseBusyException busy)
        {
            return await WriteBusyAsync(httpContext, busy, traceId);
        }

        bool malformed = exception is BadHttpRequestException or FormatException or InvalidDataException;
        int status = malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
        if (malformed)
        {
            Log.MalformedRequest(logger, exception.GetType().Name, traceId);
        }
        else
        {
            Log.UnhandledException(logger, exception.GetType().Name, traceId, exception);
        }

        httpContext.Response.StatusCode = status;
        ProblemDetails problem = new()
        {
            Status = status,
            Type = malformed ? ProblemResults.MalformedType : ProblemResults.UnexpectedType,
            Title = malformed ? "The request could not be read." : "Something went wrong on our side.",
        };
        problem.Extensions["traceId"] = traceId;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private async Task<bool> WriteBusyAsync(HttpContext httpContext, DatabaseBusyException busy, string traceId)
    {
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = BusyAnswer.RetryAfterSeconds(busy);
        ProblemDetails problem = new()
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = ProblemResults.BusyType,
            Title = BusyAnswer.Title,
        };
        problem.Extensions["traceId"] = traceId;
        problem.Extensions["retryAfterSeconds"] = (int)Math.Ceiling(busy.RetryAfter.TotalSeconds);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = busy,
        });
    }
}
