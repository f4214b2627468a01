using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Notifications;

/// <summary>
/// Log messages of the notification outbox; event ids 3000–3099 (the sender's host logs 3100–3199). Identifiers,
/// template keys and error codes only: never an address, a name or a server's reply text.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(
        3001,
        LogLevel.Information,
        "Notification {NotificationId} of case {CaseId} sent with {TemplateKey} (attempt {Attempt})")]
    public static partial void NotificationSent(
        ILogger logger,
        Guid notificationId,
        Guid caseId,
        string templateKey,
        int attempt);

    [LoggerMessage(
        3002,
        LogLevel.Warning,
        "Notification {NotificationId} attempt {Attempt} failed with {Error}; tried again later")]
    public static partial void AttemptFailed(ILogger logger, Guid notificationId, int attempt, string error);

    [LoggerMessage(
        3003, LogLevel.Error, "Notification {NotificationId} failed for good after {Attempts} attempts: {Error}")]
    public static partial void NotificationFailed(ILogger logger, Guid notificationId, int attempts, string error);

    [LoggerMessage(
        3004,
        LogLevel.Error,
        "Notification {NotificationId} names template {TemplateKey} in {Language}, which does not exist")]
    public static partial void TemplateMissing(
        ILogger logger,
        Guid notificationId,
        string templateKey,
        string language);

    [LoggerMessage(3005, LogLevel.Information, "Notification {NotificationId} skipped: {Reason}")]
    public static partial void NotificationSkipped(ILogger logger, Guid notificationId, string reason);

    [LoggerMessage(3006, LogLevel.Information, "Notification round took {Count} notifications")]
    public static partial void RoundFinished(ILogger logger, int count);

    [LoggerMessage(
        3007,
        LogLevel.Warning,
        "Notification {NotificationId} attempt {Attempt}: its case could not be read ({ExceptionType})")]
    public static partial void FactsUnreadable(ILogger logger, Guid notificationId, int attempt, string exceptionType);

    [LoggerMessage(3008, LogLevel.Error, "Notification {NotificationId} can never be sent as written: {Reason}")]
    public static partial void NotificationUnrenderable(ILogger logger, Guid notificationId, string reason);
}
