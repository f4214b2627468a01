using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CivicDesk.Core.Tests.Timers.TimerWorld;

namespace CivicDesk.Core.Tests.Timers;

/// <summary>
/// The world's clock starts on Tuesday 2025-03-04 09:00 in New York (14:00 UTC). The default clock is 5 business
/// days of 09:00-17:00, Monday to Friday: due at the close of Tuesday 03-11, 17:00 EDT (21:00 UTC), after the
/// change to daylight-saving time on Sunday 03-09; the warning is one business hour before.
/// </summary>
public sealed class SlaTimerSchedulerTests
{
    private static readonly Instant Deadline = Instant.FromUtc(2025, 3, 11, 21, 0);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ScheduleAsync_Twice_AddsTheTimersOnceAndChangesNothingTheSecondTime(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));

        await ScheduleAsync(world, caseId);
        List<DurableTimer> first = await TimersAsync(world, caseId);
        world.Time.Advance(TimeSpan.FromMinutes(5));
        await ScheduleAsync(world, caseId);
        List<DurableTimer> second = await TimersAsync(world, caseId);

        Assert.Equal([(TimerKinds.SlaWarning, Deadline - Duration.FromHours(1))], first.Select(t => (t.Kind, t.DueAt)));
        Assert.Equal(
            first.Select(t => (t.Id, t.State, t.CreatedAt)),
            second.Select(t => (t.Id, t.State, t.CreatedAt)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangeStatus_ToClosed_DeletesThePendingTimersSoNothingFiresLater(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));
        await ChangeStatusAsync(world, ana, caseId, 1, CaseStatus.InProgress);
        Assert.All(await TimersAsync(world, caseId), t => Assert.Equal(TimerStates.Pending, t.State));

        await ChangeStatusAsync(world, ana, caseId, 2, CaseStatus.Closed);
        world.Time.Advance(TimeSpan.FromDays(30));
        int fired = await RunRoundAsync(world);

        List<DurableTimer> timers = await TimersAsync(world, caseId);
        Assert.Empty(timers);
        Assert.Equal(0, fired);
        Assert.Equal(0, await CountEventsAsync(world, CaseEventKind.SlaBreached));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangeStatus_OnHoldForOneBusinessDay_DeletesTheTimersAndResumingMovesThemOneDayLater(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));
        await ChangeStatusAsync(world, ana, caseId, 1, CaseStatus.InProgress);

        // On hold from Tuesday 10:00 to Wednesday 10:00: eight business hours, one business day, are paused.
        world.Time.SetUtcNow(new DateTimeOffset(2025, 3, 4, 15, 0, 0, TimeSpan.Zero));
        await ChangeStatusAsync(world, ana, caseId, 2, CaseStatus.OnHold);
        List<DurableTimer> onHold = await TimersAsync(world, caseId);
        world.Time.SetUtcNow(new DateTimeOffset(2025, 3, 5, 15, 0, 0, TimeSpan.Zero));
        await ChangeStatusAsync(world, ana, caseId, 3, CaseStatus.InProgress);
        List<DurableTimer> resumed = await TimersAsync(world, caseId);

        Assert.Empty(onHold);
        Instant later = Instant.FromUtc(2025, 3, 12, 21, 0);
        Assert.Equal(
            [(TimerKinds.SlaWarning, later - Duration.FromHours(1))],
            resumed.Where(t => t.State == TimerStates.Pending).Select(t => (t.Kind, t.DueAt)));
        Assert.Single(resumed);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WarningFires_SchedulesTheBreachInItsTransaction_WhichThenFiresOnce(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));
        await ScheduleAsync(world, caseId);

        world.Time.SetUtcNow((Deadline - Duration.FromMinutes(30)).ToDateTimeOffset());
        int warned = await RunRoundAsync(world);
        List<DurableTimer> afterWarning = await TimersAsync(world, caseId);
        world.Time.SetUtcNow((Deadline + Duration.FromMinutes(1)).ToDateTimeOffset());
        int breached = await RunRoundAsync(world);
        world.Time.Advance(TimeSpan.FromDays(3));
        int later = await RunRoundAsync(world);

        Assert.Equal(
            [(TimerKinds.SlaBreach, Deadline, TimerStates.Pending),
                (TimerKinds.SlaWarning, Deadline - Duration.FromHours(1), TimerStates.Fired)],
            afterWarning.Select(t => (t.Kind, t.DueAt, t.State)));
        Assert.Equal((1, 1, 0), (warned, breached, later));
        Assert.All(await TimersAsync(world, caseId), t => Assert.Equal(TimerStates.Fired, t.State));
        Assert.Equal(1, await CountEventsAsync(world, CaseEventKind.SlaWarning));
        Assert.Equal(1, await CountEventsAsync(world, CaseEventKind.SlaBreached));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangeStatus_AfterTheWarningFired_KeepsTheBreachAndDoesNotScheduleTheWarningAgain(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));
        await ScheduleAsync(world, caseId);
        world.Time.SetUtcNow((Deadline - Duration.FromMinutes(30)).ToDateTimeOffset());
        await RunRoundAsync(world);
        List<DurableTimer> before = await TimersAsync(world, caseId);

        await ChangeStatusAsync(world, ana, caseId, 1, CaseStatus.InProgress);

        Assert.Equal(
            before.Select(t => (t.Id, t.Kind, t.State)),
            (await TimersAsync(world, caseId)).Select(t => (t.Id, t.Kind, t.State)));
    }

    private static async Task ScheduleAsync(StaffWorld world, Guid caseId)
    {
        await using Microsoft.Extensions.DependencyInjection.AsyncServiceScope scope = world.Scope();
        CivicDeskDbContext db = StaffWorld.Get<CivicDeskDbContext>(scope);
        Case found = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        await StaffWorld.Get<SlaTimerScheduler>(scope).ScheduleAsync(found, null, Ct);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task ChangeStatusAsync(StaffWorld world, Guid userId, Guid caseId, int version, CaseStatus to)
    {
        await using Microsoft.Extensions.DependencyInjection.AsyncServiceScope scope = world.Scope();
        Result<CaseChanged> changed = await StaffWorld.Get<ChangeCaseStatusHandler>(scope).HandleAsync(
            new ChangeCaseStatus(StaffWorld.Caller(userId), caseId, version, to, null), Ct);
        Assert.True(changed.IsSuccess, changed.Error?.ToString());
    }

    private static async Task<List<DurableTimer>> TimersAsync(StaffWorld world, Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        List<DurableTimer> timers = await db.Timers.AsNoTracking().Where(t => t.CaseId == caseId).ToListAsync(Ct);
        return [.. timers.OrderBy(t => t.DueAt).ThenBy(t => t.Kind, StringComparer.Ordinal).Reverse()];
    }
}
