using System.Collections.Immutable;
using CivicDesk.Core.Calendars;
using CivicDesk.Core.Calendars.PublishCalendar;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
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
/// Issue 4, item 5: calendars are versioned; publishing a version moves the deadlines of the open cases whose
/// clocks count on it and says so on their timelines, and leaves closed cases alone.
/// </summary>
public sealed class CalendarPublicationTests
{
    private static readonly Instant Before = Instant.FromUtc(2026, 1, 20, 23, 0);

    private static readonly Instant After = Instant.FromUtc(2026, 1, 21, 23, 0);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PublishV2_AddingAHoliday_MovesTheOpenCasesDeadlineAndNotesItButLeavesClosedCases(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "DSNY");
        world.Time.SetUtcNow(new DateTimeOffset(2025, 12, 18, 14, 0, 0, TimeSpan.Zero));
        Guid open = await world.AddCaseAsync("graffiti", world.Time.GetCurrentInstant(), caseType: nyc311);
        Guid closed = await world.AddCaseAsync("graffiti", world.Time.GetCurrentInstant(), caseType: nyc311);
        await ScheduleAsync(world, open);
        await ChangeStatusAsync(world, ana, closed, 1, CaseStatus.Open);
        await ChangeStatusAsync(world, ana, closed, 2, CaseStatus.Closed);
        CaseSlaClock openBefore = await ClockAsync(world, open, "resolution");
        CaseSlaClock closedBefore = await ClockAsync(world, closed, "resolution");
        world.Time.Advance(TimeSpan.FromHours(1));

        PublishedCalendar published = await PublishAsync(world, Version2());

        CaseSlaClock moved = await ClockAsync(world, open, "resolution");
        CaseSlaClock closedAfter = await ClockAsync(world, closed, "resolution");
        Assert.Equal((1, 1), (published.CasesRecomputed, published.DeadlinesMoved));
        Assert.Equal((Before, After, 2), (openBefore.Deadline, moved.Deadline, moved.CalendarVersion));
        // The clock's one pending timer is its warning; the one due before the edit is deleted.
        Assert.NotEqual(openBefore.WarningAt, moved.WarningAt);
        Assert.Equal([(TimerStates.Pending, moved.WarningAt!.Value)], await WarningTimersAsync(world, open));
        Assert.Equal(
            [new DeadlineMovedRecord("resolution", Before, After, "nyc-business", 2, "America/New_York")],
            await NotesAsync(world, open));
        Assert.Empty(await NotesAsync(world, closed));
        Assert.Equal(
            (closedBefore.State, closedBefore.Deadline, closedBefore.CalendarVersion, closedBefore.UpdatedAt),
            (closedAfter.State, closedAfter.Deadline, closedAfter.CalendarVersion, closedAfter.UpdatedAt));
        Assert.Equal(1, await AuditCountAsync(world, "calendar.published", 2));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PublishCaseType_PublishesItsCalendarOnceAndAnOlderOrChangedVersionIsRefused(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await PublishNyc311Async(world);
        await PublishAsync(world, Version2());

        Result<PublishedCalendar> again = await TryPublishAsync(world, Version2());
        Result<PublishedCalendar> changed = await TryPublishAsync(
            world, Version2().Replace("Test Closure Day", "Another Day", StringComparison.Ordinal));
        Result<PublishedCalendar> older = await TryPublishAsync(world, Version2().Replace(
            "version: 2", "version: 1", StringComparison.Ordinal));

        await using CivicDeskDbContext db = world.Database.CreateContext();
        Assert.Equal(
            [("nyc-business", 1), ("nyc-business", 2)],
            (await db.Calendars.AsNoTracking().Select(c => new { c.Key, c.Version }).ToListAsync(Ct))
                .OrderBy(c => c.Version).Select(c => (c.Key, c.Version)));
        Assert.True(again.Value.AlreadyPublished);
        Assert.Equal("already_published", Assert.IsType<ValidationFailed>(changed.Error).Errors.Single().Code);
        Assert.Equal("already_published", Assert.IsType<ValidationFailed>(older.Error).Errors.Single().Code);
    }

    /// <summary>
    /// A recompute that fails part way (here: its first write) leaves the version published but not marked as
    /// evaluated; publishing the same version again runs the evaluation again and marks it, and a third time does
    /// nothing. The open case ends with the deadline and note a publication that did not fail gives.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PublishAgain_AfterARecomputeThatFailed_FinishesIt(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        world.Time.SetUtcNow(new DateTimeOffset(2025, 12, 18, 14, 0, 0, TimeSpan.Zero));
        Guid open = await world.AddCaseAsync("graffiti", world.Time.GetCurrentInstant(), caseType: nyc311);
        await ScheduleAsync(world, open);
        world.Time.Advance(TimeSpan.FromHours(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => TryPublishAsync(
            world, Version2(), _ => throw new InvalidOperationException("The process stopped.")));
        Instant? markedAfterFailure = await RecomputedAtAsync(world);
        PublishedCalendar resumed = await PublishAsync(world, Version2());
        Instant? markedAfterResume = await RecomputedAtAsync(world);
        PublishedCalendar third = await PublishAsync(world, Version2());

        Assert.Null(markedAfterFailure);
        Assert.Equal((true, true, 1, 1), (resumed.AlreadyPublished, resumed.RecomputeResumed,
            resumed.CasesRecomputed, resumed.DeadlinesMoved));
        Assert.Equal(world.Time.GetCurrentInstant(), markedAfterResume);
        Assert.Equal((true, false, 0), (third.AlreadyPublished, third.RecomputeResumed, third.CasesRecomputed));
        Assert.Equal(After, (await ClockAsync(world, open, "resolution")).Deadline);
        Assert.Equal(
            [new DeadlineMovedRecord("resolution", Before, After, "nyc-business", 2, "America/New_York")],
            await NotesAsync(world, open));
    }

    /// <summary>The sample calendar as version 2, closed on Friday 2026-01-02 (a holiday every 2 January).</summary>
    private static string Version2() =>
        File.ReadAllText(RepositoryPaths.Samples("calendars", "nyc.yaml"))
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
        + "  - name: Test Closure Day\n    date: \"01-02\"\n";

    private static async Task<PublishedCalendar> PublishAsync(StaffWorld world, string yaml)
    {
        Result<PublishedCalendar> published = await TryPublishAsync(world, yaml);
        Assert.True(published.IsSuccess, published.Error?.ToString());
        return published.Value;
    }

    private static async Task<Result<PublishedCalendar>> TryPublishAsync(
        StaffWorld world,
        string yaml,
        Func<Guid[], Task>? beforeWrite = null)
    {
        (CalendarPublication? publication, ImmutableArray<FileProblem> problems) =
            CalendarPublication.Read("nyc.yaml", yaml, Actor.System);
        Assert.True(publication is not null, string.Join("; ", problems));
        await using AsyncServiceScope scope = world.Scope();
        StaffWorld.Get<SlaRecomputation>(scope).BeforeWrite = beforeWrite;
        return await StaffWorld.Get<PublishCalendarHandler>(scope).HandleAsync("nyc", publication, Ct);
    }

    private static async Task<List<(string, Instant)>> WarningTimersAsync(StaffWorld world, Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        List<DurableTimer> timers = await db.Timers.AsNoTracking()
            .Where(t => t.CaseId == caseId && t.Kind == TimerKinds.SlaWarning && t.Clock == "resolution")
            .ToListAsync(Ct);
        return [.. timers.OrderByDescending(t => t.DueAt).Select(t => (t.State, t.DueAt))];
    }

    /// <summary>The deadline notes of a case: the facts in their data; a note that has a text too is null.</summary>
    private static async Task<List<DeadlineMovedRecord?>> NotesAsync(StaffWorld world, Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return (await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.SlaDeadlineMoved
                && e.Visibility == EventVisibility.Internal)
            .Select(e => new { e.Text, e.Data }).ToListAsync(Ct))
            .Select(e => e.Text is null ? DeadlineMovedRecord.Read(e.Data) : null).ToList();
    }

    private static async Task<Instant?> RecomputedAtAsync(StaffWorld world)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.Calendars.AsNoTracking().Where(c => c.Key == "nyc-business" && c.Version == 2)
            .Select(c => c.RecomputedAt).SingleAsync(Ct);
    }

    private static async Task<int> AuditCountAsync(StaffWorld world, string action, int version)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        List<string?> details = await db.AuditEntries.AsNoTracking().Where(a => a.Action == action)
            .Select(a => a.Detail).ToListAsync(Ct);
        return details.Count(d => d is not null && d.Contains($"\"version\":{version}", StringComparison.Ordinal));
    }
}
