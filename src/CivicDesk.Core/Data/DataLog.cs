using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Data;

/// <summary>
/// Log messages of the data layer; event ids 11000–11999. Durations and counts only. Not named <c>Log</c>: the
/// feature folders that use this namespace have their own.
/// </summary>
internal static partial class DataLog
{
    [LoggerMessage(
        11001,
        LogLevel.Warning,
        "A writer has waited {WaitedMs} ms for the SQLite write gate; {Waiting} writers wait in line")]
    public static partial void WriterWaiting(ILogger logger, long waitedMs, int waiting);

    [LoggerMessage(11002, LogLevel.Information, "A writer entered the SQLite write gate after {WaitedMs} ms")]
    public static partial void WriterEnteredLate(ILogger logger, long waitedMs);

    [LoggerMessage(
        11003,
        LogLevel.Error,
        "A writer gave up after {WaitedMs} ms at the SQLite write gate; its request fails with nothing written")]
    public static partial void WriterGaveUp(ILogger logger, long waitedMs);
}
