using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Testing;
using NodaTime;
using static CivicDesk.Core.Tests.Sla.SlaWorld;
using static CivicDesk.Core.Tests.Timers.TimerWorld;

namespace CivicDesk.Core.Tests.Sla;

/// <summary>
/// The stored clock state follows the case: written with the timers on creation and each status change, and
/// when a warning or breach timer fires. A heat case's resolution clock is 24 calendar hours from Tuesday
/// 2025-03-04 09:00 New York (14:00 UTC), warned 8 business hours before, at Tuesday 11:00 (16:00 UTC).
/// </summary>
public sealed class SlaClockStateTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateHoldResumeClose_StoresRunningPausedRunningMet(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Instant.FromUtc(2025, 3, 4, 14, 0), caseType: nyc311);
        List<(string, Instant?)> seen = [];

        await ScheduleAsync(world, caseId);
        seen.Add(await StateAsync(world, caseId));
        await ChangeStatusAsync(world, ana, caseId, 1, CaseStatus.Open);
        world.Time.Advance(TimeSpan.FromMinutes(10));
        await ChangeStatusAsync(world, ana, caseId, 2, CaseStatus.OnHold);
        seen.Add(await StateAsync(world, caseId));
        world.Time.Advance(TimeSpan.FromHours(2));
        await ChangeStatusAsync(world, ana, caseId, 3, CaseStatus.InProgress);
        seen.Add(await StateAsync(world, caseId));
        world.Time.Advance(TimeSpan.FromMinutes(10));
        await ChangeStatusAsync(world, ana, caseId, 4, CaseStatus.Closed);
        seen.Add(await StateAsync(world, caseId));

        // Two hours on hold push the 24 hours two hours later; the met clock keeps that deadline.
        Instant due = Instant.FromUtc(2025, 3, 5, 16, 0);
        Assert.Equal(
            [
                (SlaClockStates.Running, Instant.FromUtc(2025, 3, 5, 14, 0)),
                (SlaClockStates.Paused, null),
                (SlaClockStates.Running, due),
                (SlaClockStates.Met, due),
            ],
            seen);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WarningThenBreachTimers_StoreAtRiskThenBreached(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        Guid caseId = await world.AddCaseAsync("heat-hot-water", world.Time.GetCurrentInstant(), caseType: nyc311);
        await ScheduleAsync(world, caseId);

        world.Time.SetUtcNow(new DateTimeOffset(2025, 3, 4, 17, 0, 0, TimeSpan.Zero));
        await RunRoundAsync(world);
        string afterWarning = (await ClockAsync(world, caseId, "resolution")).State;
        world.Time.SetUtcNow(new DateTimeOffset(2025, 3, 5, 14, 30, 0, TimeSpan.Zero));
        await RunRoundAsync(world);
        string afterBreach = (await ClockAsync(world, caseId, "resolution")).State;

        Assert.Equal((SlaClockStates.AtRisk, SlaClockStates.Breached), (afterWarning, afterBreach));
    }

    private static async Task<(string, Instant?)> StateAsync(StaffWorld world, Guid caseId)
    {
        CaseSlaClock clock = await ClockAsync(world, caseId, "resolution");
        return (clock.State, clock.Deadline);
    }
}
