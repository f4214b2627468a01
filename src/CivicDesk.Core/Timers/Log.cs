using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Timers;

/// <summary>Log messages of durable timers; event ids 10000–10999. Identifiers only, never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(10001, LogLevel.Debug, "Timer {TimerId} of kind {Kind} fired")]
    public static partial void TimerFired(ILogger logger, Guid timerId, string kind);

    [LoggerMessage(
        10002, LogLevel.Warning, "Timer {TimerId} has kind {Kind}, which no handler fires (attempt {Attempt})")]
    public static partial void TimerKindUnknown(ILogger logger, Guid timerId, string kind, int attempt);

    [LoggerMessage(
        10003, LogLevel.Warning, "Timer {TimerId} of kind {Kind} failed with {ExceptionType} (attempt {Attempt})")]
    public static partial void TimerAttemptFailed(
        ILogger logger,
        Guid timerId,
        string kind,
        string exceptionType,
        int attempt);

    [LoggerMessage(10004, LogLevel.Error, "Timer {TimerId} of kind {Kind} gave up after {Attempts} attempts")]
    public static partial void TimerGaveUp(ILogger logger, Guid timerId, string kind, int attempts);

    [LoggerMessage(10005, LogLevel.Information, "Timer round fired {Fired} timers")]
    public static partial void RoundFinished(ILogger logger, int fired);
}
