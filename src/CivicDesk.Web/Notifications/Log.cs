namespace CivicDesk.Web.Notifications;

/// <summary>Log messages of the notification sender's host; event ids 3100–3199 of the notifications block.</summary>
internal static partial class Log
{
    [LoggerMessage(
        3101,
        LogLevel.Information,
        "Notification sender started: SMTP port {Port} ({Security}), every {PollInterval}, {BatchSize} per round")]
    public static partial void SenderStarted(
        ILogger logger,
        int port,
        string security,
        TimeSpan pollInterval,
        int batchSize);

    [LoggerMessage(
        3102,
        LogLevel.Information,
        "Notification sender off: no SMTP host configured (Notifications:SmtpHost); notifications wait in the outbox")]
    public static partial void SenderOff(ILogger logger);

    [LoggerMessage(
        3103, LogLevel.Error, "Notification round failed with {ExceptionType}; the next round tries again")]
    public static partial void RoundFailed(ILogger logger, string exceptionType);
}
