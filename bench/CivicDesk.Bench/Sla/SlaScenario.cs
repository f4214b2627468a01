using System.Diagnostics;
using CivicDesk.Bench.Import;
using CivicDesk.Core;
using CivicDesk.Core.Calendars;
using CivicDesk.Core.Calendars.PublishCalendar;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.CaseTypes.PublishCaseType;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using CivicDesk.Core.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Bench.Sla;

/// <summary>
/// Issue 4, item 10. Part 1: SLA clock evaluation in memory (<see cref="SlaEvaluationRun"/>). Part 2, on each
/// database holding many open cases of the NYC 311 case type: the time to publish version 2 of calendar
/// nyc-business (one more holiday) through <see cref="PublishCalendarHandler"/>, which evaluates again the open
/// cases whose stored clocks the holiday can move and writes <c>case_sla_clocks</c>, timers and timeline notes;
/// against the time to merely read
/// the same cases and their status history in the recompute's batches by id, in the same run. Target: at most 2×.
/// The read baseline always reads every open case; the recompute evaluates only those whose stored clocks the
/// edit can move, and the table says how many that was.
/// </summary>
internal sealed class SlaScenario(SlaScenarioOptions options, TextWriter output)
{
    private const int ReadBatch = SlaRecomputation.DefaultBatchSize;
    private const string DatabaseName = "civicdesk_bench_sla";
    private const string SnapshotName = "civicdesk_bench_sla_snapshot";

    private static readonly CaseStatus[] OpenStatuses = [.. Enum.GetValues<CaseStatus>().Where(s => s.IsOpen())];

    public static string Sample(string folder, string file) =>
        Path.Combine(AppContext.BaseDirectory, "samples", folder, file);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"sla: {Environment.ProcessorCount} cores");
        await SlaEvaluationRun.RunAsync(options.Cases, output);
        await output.WriteLineAsync(
            "| database | open cases read | first scheduling s | read s | recompute s | recompute / read "
            + "| cases evaluated | moved |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|");
        foreach (string provider in options.Providers)
        {
            await RunDatabaseAsync(provider, cancellationToken);
        }

        return 0;
    }

    private async Task RunDatabaseAsync(string provider, CancellationToken cancellationToken)
    {
        bool snapshots = provider == DatabaseProviders.Postgres && options.Snapshot is not null;
        BenchDatabase database = snapshots && options.Snapshot == "load"
            ? await BenchDatabase.CopyAsync(SnapshotName, DatabaseName, options.PostgresServer!, cancellationToken)
            : await BenchDatabase.CreateAsync(
                provider, DatabaseName, options.WorkFolder, options.PostgresServer, cancellationToken);
        await using ServiceProvider services = Services(database);
        Stopwatch clock = Stopwatch.StartNew();
        TimeSpan first = TimeSpan.Zero;
        Guid jurisdictionId;
        if (snapshots && options.Snapshot == "load")
        {
            await using CivicDeskDbContext db = database.CreateContext();
            jurisdictionId = await db.Jurisdictions.Where(j => j.Code == "nyc").Select(j => j.Id)
                .SingleAsync(cancellationToken);

            // The copy's files are new to the server's cache; the set-up leaves them warm.
            await ReadAllAsync(database, jurisdictionId, cancellationToken);
        }
        else
        {
            (jurisdictionId, PinnedCaseType pin) = await PrepareAsync(services, cancellationToken);
            await SlaBenchCases.AddAsync(database, jurisdictionId, pin, options.DatabaseCases, cancellationToken);

            // The cases were written as an import writes them; their first scheduling is itself a full evaluation.
            clock.Restart();
            await using (AsyncServiceScope scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<SlaRecomputation>().RecomputeAsync(
                    jurisdictionId, "nyc-business", 1, SlaRecomputation.DefaultBatchSize, cancellationToken);
            }

            first = clock.Elapsed;
            await AnalyzeAsync(database, cancellationToken);
            if (snapshots)
            {
                await BenchDatabase.CopyAsync(DatabaseName, SnapshotName, options.PostgresServer!, cancellationToken);
            }
        }

        clock.Restart();
        int read = await ReadAllAsync(database, jurisdictionId, cancellationToken);
        TimeSpan reading = clock.Elapsed;
        clock.Restart();
        PublishedCalendar published = await PublishVersion2Async(services, cancellationToken);
        TimeSpan recompute = clock.Elapsed;
        await output.WriteLineAsync(
            $"| {provider} | {read:N0} | {first.TotalSeconds:F1} | {reading.TotalSeconds:F1} "
            + $"| {recompute.TotalSeconds:F1} | {recompute / reading:F2}× | {published.CasesRecomputed:N0} "
            + $"| {published.DeadlinesMoved:N0} |");
    }

    /// <summary>
    /// Statistics for the planner and a vacuumed table, as autovacuum leaves them within a minute or two of a bulk
    /// load on a live server (it vacuums tables after many inserts as well as after updates): the measured part
    /// starts from a database in its steady state, not one a second old, and autovacuum's own pass does not land
    /// in the middle of a measured phase (in run 6 it vacuumed case_sla_clocks and timers during the read and the
    /// recompute, by pg_stat_user_tables, and the read took 8.0 s against 5.8 s in run 5). Not timed. SQLite has
    /// no autovacuum and CivicDesk runs no ANALYZE there, so its file is left as it is.
    /// </summary>
    private static async Task AnalyzeAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProviders.Postgres)
        {
            return;
        }

        await using CivicDeskDbContext db = database.CreateContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", cancellationToken);
    }

    private static ServiceProvider Services(BenchDatabase database)
    {
        ServiceCollection services = new();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IFileStore>(
            new LocalFileStore(Path.Combine(Path.GetTempPath(), "civicdesk-bench", "files")));
        services.AddCivicDeskData(new DatabaseOptions
        {
            Provider = database.Provider,
            ConnectionString = database.ConnectionString,
        });
        services.AddCivicDeskCore();
        return services.BuildServiceProvider();
    }

    private static async Task<(Guid, PinnedCaseType)> PrepareAsync(
        ServiceProvider services,
        CancellationToken cancellationToken)
    {
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        (Guid jurisdictionId, _) = await scope.ServiceProvider.GetRequiredService<SeedCatalogHandler>()
            .HandleAsync(Sample("catalog", "nyc.json"), cancellationToken);
        CaseTypeRead read = CaseTypeFiles.Read(Sample("case-types", "nyc-311.yaml"));
        CaseTypePublication publication = read.ToPublication(Actor.System)
            ?? throw new InvalidOperationException("The NYC 311 case type does not load.");
        Result<PublishedCaseType> published = await scope.ServiceProvider
            .GetRequiredService<PublishCaseTypeHandler>().HandleAsync("nyc", publication, cancellationToken);
        if (!published.IsSuccess)
        {
            throw new InvalidOperationException($"The case type was not published: {published.Error}");
        }

        return (jurisdictionId, new PinnedCaseType(publication.Key, publication.Version, publication.ContentHash));
    }

    /// <summary>
    /// Version 2 of the NYC calendar: closed also on a weekday a week ago (every year), inside the window the open
    /// cases were opened in, so the deadlines of the cases whose clocks ran across it move.
    /// </summary>
    private static async Task<PublishedCalendar> PublishVersion2Async(
        ServiceProvider services,
        CancellationToken cancellationToken)
    {
        string yaml = (await File.ReadAllTextAsync(Sample("calendars", "nyc.yaml"), cancellationToken))
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
            + $"  - name: Bench closure\n    date: \"{ClosedDay():MM'-'dd}\"\n";
        CalendarPublication publication = CalendarPublication.Read("nyc.yaml", yaml, Actor.System).Publication
            ?? throw new InvalidOperationException("Version 2 of the NYC calendar does not load.");
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        Result<PublishedCalendar> published = await scope.ServiceProvider
            .GetRequiredService<PublishCalendarHandler>().HandleAsync("nyc", publication, cancellationToken);
        return published.IsSuccess
            ? published.Value
            : throw new InvalidOperationException($"Version 2 was not published: {published.Error}");
    }

    /// <summary>The last weekday at least a week ago.</summary>
    private static DateTime ClosedDay()
    {
        DateTime day = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-7);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>
    /// The read baseline: every open case and its status history, read as the recompute reads the cases it
    /// evaluates: one query for the ids, then batches of cases and their history by id. A keyset batch query
    /// (id above the last, ordered by id) was the baseline before; on SQLite, without statistics, each such batch
    /// walked the jurisdiction index over every case and sorted, so the baseline grew with the square of the cases
    /// (about 8 s for 100,000 and over 10 minutes for 1,000,000) and flattered the recompute.
    /// </summary>
    private static async Task<int> ReadAllAsync(
        BenchDatabase database,
        Guid jurisdictionId,
        CancellationToken cancellationToken)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        List<Guid> open = await db.Cases
            .Where(c => c.JurisdictionId == jurisdictionId && OpenStatuses.Contains(c.Status)
                && c.CaseTypeHash != null)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        open.Sort();
        int read = 0;
        foreach (Guid[] ids in open.Chunk(ReadBatch))
        {
            var batch = await db.Cases.AsNoTracking()
                .Where(c => ids.Contains(c.Id) && OpenStatuses.Contains(c.Status))
                .Select(c => new { c.Id, c.ServiceId, c.CaseTypeKey, c.CaseTypeVersion, c.CaseTypeHash })
                .ToListAsync(cancellationToken);
            await db.CaseEvents.AsNoTracking()
                .Where(e => ids.Contains(e.CaseId)
                    && (e.Kind == CaseEventKind.Created || e.Kind == CaseEventKind.StatusChanged))
                .Select(e => new { e.CaseId, e.At, e.ToStatus })
                .ToListAsync(cancellationToken);
            read += batch.Count;
        }

        return read;
    }
}
