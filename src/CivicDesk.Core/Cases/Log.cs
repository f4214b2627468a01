using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Cases;

/// <summary>Log messages of the Cases feature; event ids 1000–1999. Identifiers only, never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Case {CaseId} submitted through {Channel}")]
    public static partial void CaseSubmitted(ILogger logger, Guid caseId, Channel channel);

    [LoggerMessage(1002, LogLevel.Information, "Submission key already used; returning case {CaseId}")]
    public static partial void SubmissionRepeated(ILogger logger, Guid caseId);

    [LoggerMessage(1003, LogLevel.Warning, "Reference number collided; retrying (attempt {Attempt})")]
    public static partial void ReferenceCollided(ILogger logger, int attempt);

    [LoggerMessage(1004, LogLevel.Information, "Request rejected with {ErrorCount} field errors")]
    public static partial void RequestRejected(ILogger logger, int errorCount);

    [LoggerMessage(
        1005,
        LogLevel.Information,
        "Routing policy {RuleSetId} {RuleSetVersion} loaded for jurisdiction {Jurisdiction}")]
    public static partial void RoutingPolicyLoaded(
        ILogger logger, string jurisdiction, string ruleSetId, string ruleSetVersion);

    [LoggerMessage(
        1006,
        LogLevel.Error,
        "Routing policy of jurisdiction {Jurisdiction} is unusable ({ErrorType}); new cases get the default placement")]
    public static partial void RoutingPolicyUnusable(ILogger logger, string jurisdiction, string errorType);

    [LoggerMessage(1007, LogLevel.Information, "Routing of case {CaseId} overridden")]
    public static partial void RoutingOverridden(ILogger logger, Guid caseId);

    [LoggerMessage(1101, LogLevel.Information, "Case type {Key} version {Version} published")]
    public static partial void CaseTypePublished(ILogger logger, string key, int version);

    [LoggerMessage(1102, LogLevel.Information,
        "{Count} open cases of {Key} moved from version {FromVersion} to {ToVersion}")]
    public static partial void CaseTypeMigrated(ILogger logger, int count, string key, int fromVersion, int toVersion);

    [LoggerMessage(1103, LogLevel.Error,
        "Case type version {VersionId} ({Key} version {Version}) cannot be used: {Reason}")]
    public static partial void PinnedCaseTypeUnusable(
        ILogger logger, Guid versionId, string key, int version, string reason);

    [LoggerMessage(1104, LogLevel.Error, "Case type {Key} version {Version} is pinned by a case but not stored")]
    public static partial void PinnedCaseTypeMissing(ILogger logger, string key, int version);

    [LoggerMessage(1105, LogLevel.Information,
        "Transition {Transition} taken on case {CaseId} with {FieldCount} fields")]
    public static partial void TransitionTaken(ILogger logger, string transition, Guid caseId, int fieldCount);

    [LoggerMessage(1106, LogLevel.Information, "Calendar {Key} version {Version} published")]
    public static partial void CalendarPublished(ILogger logger, string key, int version);

    [LoggerMessage(1107, LogLevel.Information,
        "SLA clocks of {Count} open cases evaluated again on calendar {Key} v{Version}; {Moved} deadlines moved")]
    public static partial void SlaClocksRecomputed(ILogger logger, int count, string key, int version, int moved);

    [LoggerMessage(1108, LogLevel.Warning,
        "Case type {Key} version {Version} reassigns to queue {Queue}, which no department of the jurisdiction has")]
    public static partial void EscalationQueueUnknown(ILogger logger, string key, int version, string queue);

    [LoggerMessage(1109, LogLevel.Warning,
        "Escalation {EscalationId} of case type {Key} not reassigned: department {DepartmentId} has no queue {Queue}")]
    public static partial void EscalationQueueMissing(
        ILogger logger, string escalationId, string key, Guid departmentId, string queue);

    [LoggerMessage(1110, LogLevel.Debug,
        "Escalation {EscalationId} applied to case {CaseId} with {NotificationCount} notifications")]
    public static partial void Escalated(ILogger logger, string escalationId, Guid caseId, int notificationCount);
}
