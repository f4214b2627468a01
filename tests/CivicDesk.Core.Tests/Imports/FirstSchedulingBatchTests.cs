using System.Data.Common;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CivicDesk.Core.Tests.Imports.ImportTestSupport;

namespace CivicDesk.Core.Tests.Imports;

/// <summary>
/// The clocks phase of an import reads the source's open cases without clocks in keyset batches. Each batch must
/// continue from where the last one stopped, through an index, rather than read and sort the whole table again:
/// that rescan made the phase cost the table's size once per batch on SQLite.
/// </summary>
public sealed class FirstSchedulingBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ScheduleUnclocked_BatchesOfTwo_ClockEveryOpenCaseOnceAndNoClosedOne(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        // Keys whose text order differs from their number order and from the order of the case ids.
        string[] open = ["9", "10", "300", "2002", "20010", "7a", "A1"];
        string[] closed = ["11", "301", "2003", "B"];
        SyntheticNycFile file = new();
        foreach (string key in open)
        {
            file.Row(key);
        }

        foreach (string key in closed)
        {
            file.Row(key, r => (r["Status"], r["Closed Date"]) = ("Closed", "03/01/2023 10:00:00 AM"));
        }

        await ImportRowsOnlyAsync(world, await file.WriteAsync());

        ClocksScheduled first = await ScheduleAsync(world, batchSize: 2);
        ClocksScheduled second = await ScheduleAsync(world, batchSize: 2);

        Assert.Equal((open.Length, open.Length), (first.Cases, first.Clocks));
        Assert.Equal(ClocksScheduled.None, second);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        List<string?> clocked = await db.Cases
            .Where(c => db.CaseSlaClocks.Any(k => k.CaseId == c.Id))
            .Select(c => c.SourceKey)
            .ToListAsync(Ct);
        Assert.Equal(open.Order(StringComparer.Ordinal), clocked.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2002")]
    public async Task UnclockedQuery_OnSqlite_WalksTheSourceKeyIndexWithoutSortingOrScanning(string? after)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();

        List<string> plan = await PlanAsync(
            db, SlaFirstScheduling.Unclocked(db, Guid.CreateVersion7(), "nyc311", after).Take(1000).Select(c => c.Id));

        // Read from the source key index in its order, so that LIMIT stops the walk: no sort of all the matching
        // rows, and no scan of the cases of the whole jurisdiction.
        string walk = after is null ? "(source_system=?" : "(source_system=? AND source_key>?)";
        Assert.Contains(plan, d => d.StartsWith(
            "SEARCH c USING INDEX ix_cases_source_system_source_key " + walk, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, d => d.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, d => d.StartsWith("SCAN c", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PlanAsync(CivicDeskDbContext db, IQueryable<Guid> query)
    {
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync(Ct);
        await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
        List<string> details = [];
        while (await reader.ReadAsync(Ct))
        {
            details.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return details;
    }

    private static async Task ImportRowsOnlyAsync(StaffWorld world, string file)
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<ImportSummary> result = await StaffWorld.Get<ImportCasesHandler>(scope).HandleAsync(
            new ImportCases(NycMapping, file, TempFile(".csv"), Clocks: ImportPhases.RowsOnly), Ct);
        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    private static async Task<ClocksScheduled> ScheduleAsync(StaffWorld world, int batchSize)
    {
        await using AsyncServiceScope scope = world.Scope();
        CivicDeskDbContext db = StaffWorld.Get<CivicDeskDbContext>(scope);
        Guid nyc = await db.Jurisdictions.Where(j => j.Code == "nyc").Select(j => j.Id).SingleAsync(Ct);
        return await StaffWorld.Get<SlaFirstScheduling>(scope).ScheduleUnclockedAsync(nyc, "nyc311", batchSize, Ct);
    }
}
