namespace CivicDesk.Web.Errors;

/// <summary>Log messages of the host's error handling; event ids 9000–9099.</summary>
internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Error, "Unhandled {ExceptionType} (trace {TraceId})")]
    public static partial void UnhandledException(
        ILogger logger,
        string exceptionType,
        string traceId,
        Exception exception);

    [LoggerMessage(9002, LogLevel.Information, "Malformed request rejected: {ExceptionType} (trace {TraceId})")]
    public static partial void MalformedRequest(ILogger logger, string exceptionType, string traceId);
}
