namespace CivicDesk.Web.Open311;

/// <summary>Log messages of the Open311 API; event ids 6000–6999. Identifiers and counts only.</summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Open311 request rejected with status {Status} and {ErrorCount} errors")]
    public static partial void Rejected(ILogger logger, int status, int errorCount);

    [LoggerMessage(6002, LogLevel.Information, "Open311 request {Reference} created by API key {KeyId}")]
    public static partial void Created(ILogger logger, string reference, Guid keyId);

    [LoggerMessage(6003, LogLevel.Information, "Malformed Open311 call rejected: {ExceptionType} (trace {TraceId})")]
    public static partial void Malformed(ILogger logger, string exceptionType, string traceId);

    [LoggerMessage(6004, LogLevel.Error, "Unhandled {ExceptionType} on an Open311 route (trace {TraceId})")]
    public static partial void Failed(ILogger logger, string exceptionType, string traceId, Exception exception);
}
