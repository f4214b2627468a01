using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Testing;
using NodaTime;
using static CivicDesk.Core.Tests.Sla.SlaWorld;

namespace CivicDesk.Core.Tests.Sla;

/// <summary>
/// A case pinned to the NYC 311 case type gets that type's clocks for its service, on calendar nyc-business
/// (Monday to Friday 08:00-18:00 New York, U.S. federal holidays).
/// </summary>
public sealed class CaseTypeSlaPolicyTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HeatHotWater_GetsTwentyFourCalendarHoursForResolution(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);

        // Tuesday 2025-03-04 09:00 New York: due 24 hours later whatever the business hours.
        Guid caseId = await world.AddCaseAsync(
            "heat-hot-water", world.Time.GetCurrentInstant(), caseType: nyc311);
        await ScheduleAsync(world, caseId);

        CaseSlaClock resolution = await ClockAsync(world, caseId, "resolution");
        Assert.Equal(
            (SlaClockStates.Running, Instant.FromUtc(2025, 3, 5, 14, 0), "nyc-business", 1),
            (resolution.State, resolution.Deadline, resolution.CalendarKey, resolution.CalendarVersion));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Graffiti_GetsTwentyBusinessDaysThatSkipTheCalendarsHolidays(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        world.Time.SetUtcNow(new DateTimeOffset(2025, 12, 18, 14, 0, 0, TimeSpan.Zero));

        // From Thursday 2025-12-18, the 20th business day after it skips Christmas, New Year's Day and Martin
        // Luther King Jr. Day (2026-01-19): the close of Tuesday 2026-01-20, 18:00 EST. Without the holidays it
        // would be Thursday 2026-01-15.
        Guid caseId = await world.AddCaseAsync("graffiti", world.Time.GetCurrentInstant(), caseType: nyc311);
        await ScheduleAsync(world, caseId);

        CaseSlaClock resolution = await ClockAsync(world, caseId, "resolution");
        Assert.Equal(Instant.FromUtc(2026, 1, 20, 23, 0), resolution.Deadline);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CaseWithoutCaseType_KeepsTheDefaultClockFromConfiguration(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await PublishNyc311Async(world);

        Guid caseId = await world.AddCaseAsync("graffiti", world.Time.GetCurrentInstant());
        await ScheduleAsync(world, caseId);

        // The default: 5 business days of 09:00-17:00 from Tuesday 2025-03-04, due Tuesday 03-11 17:00 EDT.
        CaseSlaClock resolution = await ClockAsync(world, caseId, "resolution");
        Assert.Equal(
            (Instant.FromUtc(2025, 3, 11, 21, 0), "default"),
            (resolution.Deadline, resolution.CalendarKey));
    }
}
