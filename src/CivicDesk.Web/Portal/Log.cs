namespace CivicDesk.Web.Portal;

/// <summary>Log messages of the resident portal; event ids 7000–7999. Identifiers and counts only.</summary>
internal static partial class Log
{
    [LoggerMessage(7001, LogLevel.Information, "Portal request form re-shown with {ErrorCount} errors")]
    public static partial void FormRejected(ILogger logger, int errorCount);

    [LoggerMessage(7002, LogLevel.Information, "Portal request accepted as case {CaseId} (repeat: {Repeated})")]
    public static partial void FormAccepted(ILogger logger, Guid caseId, bool repeated);

    [LoggerMessage(7003, LogLevel.Warning, "Portal submission failed with {ErrorKind}")]
    public static partial void SubmissionFailed(ILogger logger, string errorKind);

    [LoggerMessage(7004, LogLevel.Information, "Portal request form re-shown: its antiforgery token no longer holds")]
    public static partial void FormExpired(ILogger logger);
}
