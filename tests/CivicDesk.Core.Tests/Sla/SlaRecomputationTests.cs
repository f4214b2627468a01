using System.Collections.Immutable;
using System.Globalization;
using CivicDesk.Core.Calendars;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Core.Tests.Sla.SlaWorld;

namespace CivicDesk.Core.Tests.Sla;

/// <summary>
/// Issue 4, item 10: the recompute after a calendar edit writes set-based what the tracked path wrote, and the
/// rows it writes are the same, column by column.
/// </summary>
public sealed class SlaRecomputationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SetBasedWrites_StoreTheRowsTheTrackedPathStored(string provider)
    {
        await using StaffWorld tracked = await StaffWorld.CreateAsync(provider);
        await using StaffWorld setBased = await StaffWorld.CreateAsync(provider);

        List<Guid> trackedCases = await SetUpMixAsync(tracked);
        List<Guid> setCases = await SetUpMixAsync(setBased);
        SlaRecomputed byTracker = await PublishVersion2Async(tracked, trackedWrites: true);
        SlaRecomputed bySet = await PublishVersion2Async(setBased);

        Assert.Equal(byTracker, bySet);
        Assert.True(bySet.DeadlinesMoved > 0, "the edit must move some deadline");
        List<string> expected = await SnapshotAsync(tracked, trackedCases);
        List<string> actual = await SnapshotAsync(setBased, setCases);
        // Timers no longer wanted are deleted on both paths: no row is left cancelled.
        Assert.Contains(expected, row => row.StartsWith("timer", StringComparison.Ordinal)
            && row.Contains(TimerStates.Pending, StringComparison.Ordinal));
        Assert.DoesNotContain(expected, row => row.StartsWith("timer", StringComparison.Ordinal)
            && row.Contains(TimerStates.Cancelled, StringComparison.Ordinal));
        Assert.Contains(expected, row => row.StartsWith("note", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// With batches of one case, each batch is written on a context of its own while the next one is read and
    /// evaluated; what ends up stored is what one batch of all stores.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OverlappedBatches_StoreTheRowsOneBatchStored(string provider)
    {
        await using StaffWorld oneBatch = await StaffWorld.CreateAsync(provider);
        await using StaffWorld manyBatches = await StaffWorld.CreateAsync(provider);
        List<Guid> oneCases = await SetUpMixAsync(oneBatch);
        List<Guid> manyCases = await SetUpMixAsync(manyBatches);

        SlaRecomputed byOne = await PublishVersion2Async(oneBatch);
        SlaRecomputed byMany = await PublishVersion2Async(manyBatches, batchSize: 1);

        Assert.Equal(byOne, byMany);
        Assert.True(byMany.Cases > 1, "the recompute must run more than one batch");
        Assert.Equal(await SnapshotAsync(oneBatch, oneCases), await SnapshotAsync(manyBatches, manyCases));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SkipRule_LeavesCasesOutsideTheChangedDaysAlone_AndEndsWhereEvaluatingAllEnds(string provider)
    {
        await using StaffWorld skipping = await StaffWorld.CreateAsync(provider);
        await using StaffWorld everything = await StaffWorld.CreateAsync(provider);
        List<Guid> cases = await SetUpMixAsync(skipping);
        List<Guid> allCases = await SetUpMixAsync(everything);
        List<string> heatBefore = await SnapshotAsync(skipping, cases, only: cases[2]);

        SlaRecomputed skipped = await PublishVersion2Async(skipping);
        SlaRecomputed all = await PublishVersion2Async(everything, skipDisabled: true);

        // Closed on every 2 January: the heat case (24 hours from 2025-12-18), the case on hold since 12-18 and
        // the one due early in December have no such day in their windows; the cases due in January do, and so
        // does the one never scheduled (no stored clock to judge by).
        Assert.Equal((3, 6), (skipped.Cases, all.Cases));
        Assert.Equal(all.DeadlinesMoved, skipped.DeadlinesMoved);
        Assert.Equal(heatBefore, await SnapshotAsync(skipping, cases, only: cases[2]));
        Assert.Contains(
            await SnapshotAsync(skipping, cases),
            row => row.StartsWith("note | case0 | SlaDeadlineMoved", StringComparison.Ordinal));
        Assert.Equal(
            await SnapshotAsync(everything, allCases, countsOnly: true),
            await SnapshotAsync(skipping, cases, countsOnly: true));
    }

    /// <summary>
    /// A status change saved between a batch's read and its write (here: the first response given, which removes
    /// that clock's pending timer) makes the write meet a timer it no longer finds; the batch is read and evaluated
    /// again and the recompute goes on. What is stored in the end is what is stored when the change came after the
    /// new version was stored and before the recompute began. Both paths: set-based and through the tracker.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProviders.Sqlite, false)]
    [InlineData(DatabaseProviders.Sqlite, true)]
    [InlineData(DatabaseProviders.Postgres, false)]
    [InlineData(DatabaseProviders.Postgres, true)]
    public async Task StatusChangedWhileABatchWasEvaluated_IsEvaluatedAgain_AndTheRecomputeGoesOn(
        string provider,
        bool trackedWrites)
    {
        await using StaffWorld during = await StaffWorld.CreateAsync(provider);
        await using StaffWorld before = await StaffWorld.CreateAsync(provider);
        List<Guid> duringCases = await SetUpMixAsync(during);
        List<Guid> beforeCases = await SetUpMixAsync(before);
        Guid bo = await during.AddUserAsync("bo", StaffRole.Agent, "DSNY", "HPD", "DEP");
        Guid cy = await before.AddUserAsync("cy", StaffRole.Agent, "DSNY", "HPD", "DEP");
        int writes = 0;
        async Task ChangeFirstCaseOnce(Guid[] batch)
        {
            if (writes++ == 0)
            {
                Assert.Contains(duringCases[0], batch);
                await ChangeStatusAsync(during, bo, duringCases[0], 1, CaseStatus.Open);
            }
        }

        SlaRecomputed afterChange = await PublishVersion2Async(
            before,
            trackedWrites,
            beforeRecompute: () => ChangeStatusAsync(before, cy, beforeCases[0], 1, CaseStatus.Open));
        SlaRecomputed changedDuring = await PublishVersion2Async(
            during, trackedWrites, batchSize: 100, beforeWrite: ChangeFirstCaseOnce);

        Assert.True(writes >= 2, $"{writes} write attempt(s): the conflict must make the batch be written again");
        Assert.Equal(afterChange, changedDuring);
        Assert.Equal(await SnapshotAsync(before, beforeCases), await SnapshotAsync(during, duringCases));
    }

    /// <summary>
    /// A case evaluated on version 2 whose clocks come out the same (opened after the closed day) is not written:
    /// its rows keep version 1 and their update instant, and it gets no note.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EvaluatedRowsThatComeOutTheSame_KeepTheirCalendarVersion(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        world.Time.SetUtcNow(new DateTimeOffset(2026, 1, 5, 14, 0, 0, TimeSpan.Zero));
        Guid caseId = await world.AddCaseAsync("graffiti", world.Time.GetCurrentInstant(), caseType: nyc311);
        await ScheduleAsync(world, caseId);
        List<string> before = await SnapshotAsync(world, [caseId]);
        world.Time.Advance(TimeSpan.FromHours(2));

        SlaRecomputed recomputed = await PublishVersion2Async(world, skipDisabled: true);

        Assert.Equal(new SlaRecomputed(1, 0), recomputed);
        Assert.Equal(before, await SnapshotAsync(world, [caseId]));
        await using CivicDeskDbContext db = world.Database.CreateContext();
        List<int> versions = await db.CaseSlaClocks.AsNoTracking()
            .Where(c => c.CaseId == caseId).Select(c => c.CalendarVersion).ToListAsync(Ct);
        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.Equal(1, v));
    }

    /// <summary>
    /// Open cases in several situations (scheduled, never scheduled, on hold, first response met, elapsed-time
    /// clock, already breached), at 2025-12-19 20:00 UTC.
    /// </summary>
    internal static async Task<List<Guid>> SetUpMixAsync(StaffWorld world)
    {
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "DSNY", "HPD", "DEP");
        world.Time.SetUtcNow(new DateTimeOffset(2025, 12, 18, 14, 0, 0, TimeSpan.Zero));
        Instant now = world.Time.GetCurrentInstant();
        List<Guid> cases =
        [
            await world.AddCaseAsync("graffiti", now, caseType: nyc311),
            await world.AddCaseAsync("graffiti", now, caseType: nyc311),
            await world.AddCaseAsync("heat-hot-water", now, caseType: nyc311),
            await world.AddCaseAsync("graffiti", now, caseType: nyc311),
            await world.AddCaseAsync("graffiti", now, caseType: nyc311),
            await world.AddCaseAsync("dirty-condition", now - Duration.FromDays(20), caseType: nyc311),
        ];
        await ScheduleAsync(world, cases[0]);
        await ScheduleAsync(world, cases[2]);
        await ScheduleAsync(world, cases[5]);
        await ChangeStatusAsync(world, ana, cases[3], 1, CaseStatus.Open);
        await ChangeStatusAsync(world, ana, cases[3], 2, CaseStatus.OnHold);
        await ChangeStatusAsync(world, ana, cases[4], 1, CaseStatus.Open);
        world.Time.Advance(TimeSpan.FromHours(30));
        return cases;
    }

    /// <summary>Stores version 2 as the publication does, then runs the recompute by the chosen path.</summary>
    internal static async Task<SlaRecomputed> PublishVersion2Async(
        StaffWorld world,
        bool trackedWrites = false,
        bool skipDisabled = false,
        int batchSize = SlaRecomputation.DefaultBatchSize,
        Func<Guid[], Task>? beforeWrite = null,
        Func<Task>? beforeRecompute = null)
    {
        (CalendarPublication? publication, ImmutableArray<FileProblem> problems) =
            CalendarPublication.Read("nyc.yaml", Version2(), Actor.System);
        Assert.True(publication is not null, string.Join("; ", problems));
        await using AsyncServiceScope scope = world.Scope();
        CivicDeskDbContext db = StaffWorld.Get<CivicDeskDbContext>(scope);
        db.Calendars.Add(new CalendarVersion(
            Guid.CreateVersion7(), world.JurisdictionId, publication, world.Time.GetCurrentInstant()));
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        StaffWorld.Get<CatalogCache>(scope).Clear();
        if (beforeRecompute is not null)
        {
            await beforeRecompute();
        }

        SlaRecomputation recomputation = StaffWorld.Get<SlaRecomputation>(scope);
        recomputation.TrackedWrites = trackedWrites;
        recomputation.SkipDisabled = skipDisabled;
        recomputation.BeforeWrite = beforeWrite;
        return await recomputation.RecomputeAsync(
            world.JurisdictionId, "nyc-business", 2, batchSize, Ct);
    }

    /// <summary>The sample calendar as version 2, closed on Friday 2026-01-02 (a holiday every 2 January).</summary>
    internal static string Version2() =>
        File.ReadAllText(RepositoryPaths.Samples("calendars", "nyc.yaml"))
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
        + "  - name: Test Closure Day\n    date: \"01-02\"\n";

    /// <summary>
    /// Every clock row, SLA timer and deadline note of the cases, each column but generated ids, with each case
    /// named by its place in <paramref name="all"/>; only those of case <paramref name="only"/> when given. With
    /// <paramref name="countsOnly"/>, clock rows without state, calendar version and update instant: a skipped row
    /// keeps its version, and a state that only time changed (a deadline passed) is left to its timer.
    /// </summary>
    internal static async Task<List<string>> SnapshotAsync(
        StaffWorld world,
        List<Guid> all,
        Guid? only = null,
        bool countsOnly = false)
    {
        List<Guid> cases = only is Guid one ? [one] : all;
        await using CivicDeskDbContext db = world.Database.CreateContext();
        string Name(Guid? id) => id is Guid known ? $"case{all.IndexOf(known)}" : "none";
        string Key(string key) =>
            all.Aggregate(key, (k, id) => k.Replace(id.ToString("N"), Name(id), StringComparison.Ordinal));
        List<string> rows = [];
        foreach (CaseSlaClock c in await db.CaseSlaClocks.AsNoTracking()
            .Where(c => cases.Contains(c.CaseId)).ToListAsync(Ct))
        {
            rows.Add(Row(
                "clock", Name(c.CaseId), c.ClockId, countsOnly ? null : c.State, c.Deadline, c.WarningAt,
                c.StoppedCountingAt, c.CalendarKey, countsOnly ? null : c.CalendarVersion,
                countsOnly ? null : c.UpdatedAt));
        }

        foreach (DurableTimer t in await db.Timers.AsNoTracking()
            .Where(t => t.CaseId != null && cases.Contains(t.CaseId.Value)).ToListAsync(Ct))
        {
            rows.Add(Row(
                "timer", Name(t.CaseId), t.Kind, t.Clock, t.DueAt, t.Payload, t.CreatedAt, t.State, t.Attempts,
                t.RetryAt, t.FiredAt, t.CancelledAt, t.LastError, Key(t.DedupeKey)));
        }

        foreach (CaseEvent e in await db.CaseEvents.AsNoTracking()
            .Where(e => cases.Contains(e.CaseId) && e.Kind == CaseEventKind.SlaDeadlineMoved).ToListAsync(Ct))
        {
            rows.Add(Row(
                "note", Name(e.CaseId), e.Kind, e.At, e.ActorKind, e.ActorId, e.ActorLabel, e.Visibility, e.Text));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Row(params object?[] values) =>
        string.Join(" | ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null"));
}
