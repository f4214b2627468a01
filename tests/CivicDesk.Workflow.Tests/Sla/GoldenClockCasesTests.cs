using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;
using NodaTime;
using static CivicDesk.Workflow.Tests.Sla.TestClocks;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Sla;

/// <summary>
/// Golden case of issue 4 (item 9): 8 business hours (09:00-17:00) from Monday 09:00, paused Monday 10:00 to
/// Wednesday 10:00, target then changed to 4 business hours: due Wednesday 13:00, not breached. Week of
/// 2025-06-02 in New York. The other golden cases are in <c>Calendars.GoldenCalendarCasesTests</c>.
/// </summary>
public sealed class GoldenClockCasesTests
{
    private static readonly BusinessCalendar NineToFive = Build(Hours(Weekdays, "09:00", "17:00"));

    private static readonly CaseHistoryEvent[] History =
    [
        Entered(At("2025-06-02 09:00"), "open"),
        Entered(At("2025-06-02 10:00"), "waiting-on-resident"),
        Retarget(At("2025-06-04 10:00"), BusinessHours(4)),
        Entered(At("2025-06-04 10:00"), "open"),
    ];

    [Fact]
    public void Evaluate_PausedThenTargetLowered_IsDueWednesdayOneAndRunning()
    {
        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(8)), NineToFive, History, At("2025-06-04 12:00"));

        Assert.Equal(SlaClockState.Running, status.State);
        Assert.Equal(At("2025-06-04 13:00"), status.Deadline);
        Assert.Equal(Duration.FromHours(3), status.Used);
        Assert.Equal(Duration.FromHours(1), status.Remaining);
    }

    [Fact]
    public void Evaluate_AtTheDeadlineItself_IsNotBreached()
    {
        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(8)), NineToFive, History, At("2025-06-04 13:00"));

        Assert.Equal(SlaClockState.Running, status.State);
    }

    [Fact]
    public void Evaluate_OneMinuteAfterTheDeadline_IsBreached()
    {
        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(8)), NineToFive, History, At("2025-06-04 13:01"));

        Assert.Equal(SlaClockState.Breached, status.State);
        Assert.Equal(At("2025-06-04 13:00"), status.Deadline);
    }

    [Fact]
    public void Evaluate_ClosedBeforeTheDeadline_IsMet()
    {
        CaseHistoryEvent[] closed = [.. History, Entered(At("2025-06-04 12:30"), "closed")];

        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(8)), NineToFive, closed, At("2025-06-05 09:00"));

        Assert.Equal(SlaClockState.Met, status.State);
        Assert.Equal(At("2025-06-04 12:30"), status.StoppedAt);
        Assert.Equal(At("2025-06-04 13:00"), status.Deadline);
    }
}
