using CivicDesk.Core.Cases;
using CivicDesk.Core.Sla;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>Import the cases of one source file as its mapping says.</summary>
/// <param name="MappingPath">The mapping file, such as <c>samples/imports/nyc311.json</c>.</param>
/// <param name="FilePath">The CSV export to read.</param>
/// <param name="ReportPath">Where to list rejected rows; by default a file in the temporary folder.</param>
/// <param name="Progress">Called with the number of rows read every <paramref name="ProgressEvery"/> rows.</param>
/// <param name="BatchSize">Rows per transaction (and per staging copy on PostgreSQL).</param>
/// <param name="ProgressEvery">How often <paramref name="Progress"/> is called.</param>
/// <param name="Clocks">
/// Whether the run writes rows, schedules the SLA clocks of the source's open cases that have none, or both (the
/// default). Rows only, then clocks only, splits a large migration into its two phases.
/// </param>
public sealed record ImportCases(
    string MappingPath,
    string FilePath,
    string? ReportPath = null,
    Action<long>? Progress = null,
    int BatchSize = 20_000,
    int ProgressEvery = 100_000,
    ImportPhases Clocks = ImportPhases.RowsAndClocks);

/// <summary>What an import run does: see <see cref="ImportCases.Clocks"/>.</summary>
public enum ImportPhases
{
    RowsAndClocks,
    RowsOnly,
    ClocksOnly,
}

/// <summary>
/// What one import run did. <c>Flags</c> counts inserted rows per data-quality flag (a row with two flags counts
/// under both); <c>ServicesCreated</c> and <c>DepartmentsCreated</c> list the codes of the historical services
/// and the departments created for types and agencies the catalogue lacked. <c>Clocks</c> counts the SLA clocks
/// and timers scheduled after the rows were written, for the source's open cases that had none.
/// </summary>
public sealed record ImportSummary(
    Guid RunId,
    string SourceSystem,
    string JurisdictionCode,
    long RowsRead,
    long Inserted,
    long AlreadyPresent,
    long Rejected,
    long Flagged,
    IReadOnlyDictionary<DataQualityFlags, long> Flags,
    IReadOnlyList<string> ServicesCreated,
    IReadOnlyList<string> DepartmentsCreated,
    string ReportPath)
{
    public ClocksScheduled Clocks { get; init; } = ClocksScheduled.None;
}
