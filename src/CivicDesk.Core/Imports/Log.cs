using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Imports;

/// <summary>Log messages of the Imports feature; event ids 5000–5999.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Import run {RunId} of {SourceSystem} into {JurisdictionCode} started")]
    public static partial void ImportStarted(ILogger logger, Guid runId, string sourceSystem, string jurisdictionCode);

    [LoggerMessage(5002, LogLevel.Information,
        "Import run {RunId} finished: {RowsRead} rows read, {Inserted} inserted, {AlreadyPresent} already present, "
        + "{Rejected} rejected, {Flagged} flagged, in {ElapsedMilliseconds} ms")]
    public static partial void ImportCompleted(
        ILogger logger,
        Guid runId,
        long rowsRead,
        long inserted,
        long alreadyPresent,
        long rejected,
        long flagged,
        long elapsedMilliseconds);

    [LoggerMessage(5003, LogLevel.Information,
        "SLA clocks of {SourceSystem} scheduled: {Cases} open cases without clocks got {Clocks} clocks and "
        + "{Timers} timers")]
    public static partial void ImportClocksScheduled(
        ILogger logger,
        string sourceSystem,
        long cases,
        long clocks,
        long timers);
}
