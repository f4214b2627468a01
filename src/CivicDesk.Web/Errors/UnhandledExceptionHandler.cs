using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CivicDesk.Web.Errors;

/// <summary>
/// Logs an unexpected exception by type and trace id only, and answers a generic problem without
/// messages, paths or stack traces. Malformed input that the framework rejects becomes a 400.
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
}
