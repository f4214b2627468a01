using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;
using NodaTime;
using static CivicDesk.Workflow.Tests.Sla.TestClocks;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Sla;

/// <summary>
/// A clock of calendar time whose warning is counted in business hours back from the deadline, as the NYC 311
/// case type's resolution clock is (8 or 24 calendar hours, warning 8 business hours before): when fewer
/// business hours than that lie between the start and the deadline, the warning would land before the case even
/// started, so a request would be "at risk" (and its escalation mail a supervisor) the moment it arrives. Such a
/// warning is not given; one that falls after the start is.
/// </summary>
public sealed class WarningBeforeStartTests
{
    private static readonly BusinessCalendar Office = TestCalendars.Office();

    [Theory]
    [InlineData("2025-06-07 14:00", 24, "2025-06-08 14:00")] // a heat complaint on a Saturday afternoon
    [InlineData("2025-06-03 11:00", 8, "2025-06-03 19:00")] // a noise complaint on a Tuesday morning
    [InlineData("2025-06-03 20:00", 8, "2025-06-04 04:00")] // a noise complaint on a Tuesday evening
    public void Evaluate_WarningThatWouldComeBeforeTheStart_IsNotGiven(string opened, int hours, string due)
    {
        SlaClockDefinition clock = ResolutionClock(
            new CalendarTimeTarget(Duration.FromHours(hours)), new SlaWarning("due-soon", Duration.FromHours(8)));
        Instant start = At(opened);

        SlaClockStatus status = SlaClock.Evaluate(clock, Office, [Entered(start, "open")], start);

        Assert.Equal(At(due), status.Deadline);
        Assert.Empty(status.Warnings);
        Assert.Equal(SlaClockState.Running, status.State);
    }

    [Fact]
    public void Evaluate_WarningAfterTheStart_IsGiven()
    {
        SlaClockDefinition clock = ResolutionClock(
            new CalendarTimeTarget(Duration.FromHours(24)), new SlaWarning("due-soon", Duration.FromHours(8)));
        Instant start = At("2025-06-02 07:00");

        SlaClockStatus status = SlaClock.Evaluate(clock, Office, [Entered(start, "open")], start);

        // Due Tuesday 07:00; eight business hours back: Monday 18:00 to 10:00.
        Assert.Equal(At("2025-06-03 07:00"), status.Deadline);
        Assert.Equal([new SlaWarningTime("due-soon", At("2025-06-02 10:00"))], status.Warnings);
    }
}
