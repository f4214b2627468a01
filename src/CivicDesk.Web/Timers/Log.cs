namespace CivicDesk.Web.Timers;

/// <summary>Log messages of the timer poller; event ids 10100–10199 of the timers block.</summary>
internal static partial class Log
{
    [LoggerMessage(10101, LogLevel.Information, "Timer poller started: every {PollInterval}, {BatchSize} per round")]
    public static partial void PollerStarted(ILogger logger, TimeSpan pollInterval, int batchSize);

    [LoggerMessage(10102, LogLevel.Information, "Timer poller disabled by configuration (Timers:Enabled)")]
    public static partial void PollerDisabled(ILogger logger);

    [LoggerMessage(10103, LogLevel.Error, "Timer round failed with {ExceptionType}; the next round tries again")]
    public static partial void RoundFailed(ILogger logger, string exceptionType);
}
