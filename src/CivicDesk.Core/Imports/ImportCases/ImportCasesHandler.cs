using System.Text.Json;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.Mapping;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using nietras.SeparatedValues;
using NodaTime;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// The one importer of case history. It streams the file row by row, maps each row through the source's
/// mapping, and writes accepted rows through the provider's bulk path. Re-running a file inserts nothing new:
/// a row whose source key is present is counted, not written. The jurisdiction is seeded from the mapping's
/// catalogue when it does not exist yet. Each case is pinned to its service's case type as intake pins it; once
/// the rows are in, the source's open cases without clocks get them from their history
/// (<see cref="SlaFirstScheduling"/>), so a re-run schedules only what an earlier run left unscheduled.
/// </summary>
public sealed class ImportCasesHandler(
    CivicDeskDbContext db,
    SeedCatalogHandler seedCatalog,
    CaseTypeResolver caseTypes,
    SlaFirstScheduling clocks,
    TimeProvider time,
    ILogger<ImportCasesHandler> logger)
{
    public async Task<Result<ImportSummary>> HandleAsync(ImportCases request, CancellationToken cancellationToken)
    {
        (ImportMapping? mapping, Error? error) = await LoadMappingAsync(request, cancellationToken);
        if (mapping is null)
        {
            return error!;
        }

        if (request.Clocks == ImportPhases.ClocksOnly)
        {
            return await ClocksOnlyAsync(mapping, cancellationToken);
        }

        string catalog = mapping.CatalogPath(request.MappingPath);
        (Guid jurisdictionId, _) = await seedCatalog.HandleAsync(catalog, cancellationToken);
        Jurisdiction jurisdiction = await db.Jurisdictions.SingleAsync(j => j.Id == jurisdictionId, cancellationToken);
        DateTimeZone? zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(jurisdiction.TimeZoneId);
        if (jurisdiction.Code != mapping.Jurisdiction || zone is null)
        {
            return ValidationFailed.Single("mapping", "catalog-mismatch",
                $"The catalogue of {mapping.SourceSystem} does not describe jurisdiction {mapping.Jurisdiction} "
                + "with a known time zone.");
        }

        using SepReader reader = await Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true })
            .FromFileAsync(request.FilePath, cancellationToken);
        (ColumnLayout? layout, IReadOnlyList<string> missing) =
            ColumnLayout.Resolve(mapping, [.. reader.Header.ColNames]);
        if (layout is null)
        {
            return ValidationFailed.Single("file", "missing-column",
                $"The file has no column {string.Join(", ", missing.Select(c => $"'{c}'"))} "
                + $"that the {mapping.SourceSystem} mapping names.");
        }

        LocalTimeReader times = new(mapping.DateFormat, zone);
        using RowMapper mapper = new(mapping, layout, times, jurisdiction.Bounds, time);
        ImportRun run = new(time.NewId(), jurisdiction.Id, mapping.SourceSystem, Path.GetFileName(request.FilePath),
            time.GetCurrentInstant());
        ImportRunner runner = new(
            db, time, caseTypes, logger, new ImportTarget(jurisdiction.Id, mapping.SourceSystem));
        ImportSummary summary =
            await runner.RunAsync(request, run, jurisdiction.Code, reader, mapper, cancellationToken);
        if (request.Clocks == ImportPhases.RowsOnly)
        {
            return summary;
        }

        return summary with
        {
            Clocks = await ScheduleClocksAsync(jurisdiction.Id, mapping.SourceSystem, cancellationToken),
        };
    }

    /// <summary>The second phase of a split migration: the file is not read; no run is recorded.</summary>
    private async Task<Result<ImportSummary>> ClocksOnlyAsync(
        ImportMapping mapping,
        CancellationToken cancellationToken)
    {
        Guid? jurisdictionId = await db.Jurisdictions.Where(j => j.Code == mapping.Jurisdiction)
            .Select(j => (Guid?)j.Id).SingleOrDefaultAsync(cancellationToken);
        if (jurisdictionId is not Guid id)
        {
            return ValidationFailed.Single("mapping", "not_imported",
                $"Jurisdiction {mapping.Jurisdiction} has no {mapping.SourceSystem} cases yet: import the rows first.");
        }

        ClocksScheduled scheduled = await ScheduleClocksAsync(id, mapping.SourceSystem, cancellationToken);
        return new ImportSummary(Guid.Empty, mapping.SourceSystem, mapping.Jurisdiction, 0, 0, 0, 0, 0,
            new Dictionary<Cases.DataQualityFlags, long>(), [], [], string.Empty)
        {
            Clocks = scheduled,
        };
    }

    /// <summary>
    /// After the run's last commit, since the clocks are written in transactions of their own: a failure here
    /// keeps the imported cases, and the next run of the source (or the next start, for the demo) schedules them.
    /// </summary>
    private async Task<ClocksScheduled> ScheduleClocksAsync(
        Guid jurisdictionId,
        string sourceSystem,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        ClocksScheduled scheduled = await clocks.ScheduleUnclockedAsync(
            jurisdictionId, sourceSystem, SlaFirstScheduling.DefaultBatchSize, cancellationToken);
        Log.ImportClocksScheduled(logger, sourceSystem, scheduled.Cases, scheduled.Clocks, scheduled.Timers);
        return scheduled;
    }

    /// <summary>
    /// Imports the file unless a completed run of the same source into the same jurisdiction exists; used by the
    /// first start to seed the demo history once. Returns no summary when it imported nothing; it then still
    /// schedules the clocks of the source's open cases that have none (a start that stopped between the import
    /// and its scheduling), which costs one query when there are none.
    /// </summary>
    public async Task<Result<ImportSummary?>> HandleOnceAsync(ImportCases request, CancellationToken cancellationToken)
    {
        (ImportMapping? mapping, Error? error) = await LoadMappingAsync(request, cancellationToken);
        if (mapping is null)
        {
            return error!;
        }

        Guid? done = await db.ImportRuns
            .Where(r => r.SourceSystem == mapping.SourceSystem && r.FinishedAt != null
                && db.Jurisdictions.Any(j => j.Id == r.JurisdictionId && j.Code == mapping.Jurisdiction))
            .Select(r => (Guid?)r.JurisdictionId)
            .FirstOrDefaultAsync(cancellationToken);
        if (done is Guid jurisdictionId)
        {
            await ScheduleClocksAsync(jurisdictionId, mapping.SourceSystem, cancellationToken);
            return (ImportSummary?)null;
        }

        Result<ImportSummary> result = await HandleAsync(request, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        return result.Value;
    }

    private static async Task<(ImportMapping? Mapping, Error? Error)> LoadMappingAsync(
        ImportCases request,
        CancellationToken cancellationToken)
    {
        if (request.Clocks != ImportPhases.ClocksOnly && !File.Exists(request.FilePath))
        {
            return (null, ValidationFailed.Single("file", "not-found", $"The file {request.FilePath} does not exist."));
        }

        if (!File.Exists(request.MappingPath))
        {
            return (null, ValidationFailed.Single(
                "mapping", "not-found", $"The mapping {request.MappingPath} does not exist."));
        }

        ImportMapping mapping;
        try
        {
            mapping = await ImportMapping.LoadAsync(request.MappingPath, cancellationToken);
        }
        catch (JsonException exception)
        {
            return (null, ValidationFailed.Single(
                "mapping", "invalid", $"The mapping is not valid JSON: {exception.Message}"));
        }

        string? problem = mapping.Problem();
        return problem is null ? (mapping, null) : (null, ValidationFailed.Single("mapping", "incomplete", problem));
    }
}
