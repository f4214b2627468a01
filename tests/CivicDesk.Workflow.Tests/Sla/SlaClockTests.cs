using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;
using NodaTime;
using static CivicDesk.Workflow.Tests.Sla.TestClocks;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Sla;

/// <summary>Clock behaviour over the New York office calendar (Monday to Friday, 08:00-18:00).</summary>
public sealed class SlaClockTests
{
    private static readonly BusinessCalendar Office = TestCalendars.Office();

    [Fact]
    public void Evaluate_BeforeTheStartEvent_IsNotStartedWithoutDeadline()
    {
        CaseHistoryEvent[] history = [Entered(At("2025-06-02 09:00"), "new")];

        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(4)), Office, history, At("2025-06-02 10:00"));

        Assert.Equal(SlaClockState.NotStarted, status.State);
        Assert.Null(status.Deadline);
    }

    [Fact]
    public void Evaluate_OneHourWarning_FallsOneBusinessHourBeforeTheDeadline()
    {
        SlaClockDefinition clock = ResolutionClock(BusinessHours(4), new SlaWarning("one-hour", Duration.FromHours(1)));
        CaseHistoryEvent[] history = [Entered(At("2025-06-02 17:00"), "open")];

        SlaClockStatus status = SlaClock.Evaluate(clock, Office, history, At("2025-06-02 17:30"));

        Assert.Equal(At("2025-06-03 11:00"), status.Deadline);
        SlaWarningTime warning = Assert.Single(status.Warnings);
        Assert.Equal(new SlaWarningTime("one-hour", At("2025-06-03 10:00")), warning);
    }

    [Fact]
    public void Evaluate_CalendarTimeClockDueAtNight_WarnsInsideTheLastBusinessHour()
    {
        SlaClockDefinition clock = ResolutionClock(
            new CalendarTimeTarget(Duration.FromHours(8)), new SlaWarning("one-hour", Duration.FromHours(1)));
        CaseHistoryEvent[] history = [Entered(At("2025-06-02 16:00"), "open")];

        SlaClockStatus status = SlaClock.Evaluate(clock, Office, history, At("2025-06-02 16:00"));

        Assert.Equal(At("2025-06-03 00:00"), status.Deadline);
        Assert.Equal(At("2025-06-02 17:00"), status.Warnings[0].At);
    }

    [Fact]
    public void Evaluate_WhileWaitingOnTheResidentWithTimeLeft_IsPausedWithoutDeadline()
    {
        CaseHistoryEvent[] history =
        [
            Entered(At("2025-06-02 09:00"), "open"),
            Entered(At("2025-06-02 11:00"), "waiting-on-resident"),
        ];

        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(4)), Office, history, At("2025-06-05 09:00"));

        Assert.Equal(SlaClockState.Paused, status.State);
        Assert.Null(status.Deadline);
        Assert.Equal(Duration.FromHours(2), status.Used);
    }

    [Fact]
    public void Evaluate_PausedAfterTheDeadlinePassed_StaysBreached()
    {
        CaseHistoryEvent[] history =
        [
            Entered(At("2025-06-02 09:00"), "open"),
            Entered(At("2025-06-02 15:00"), "waiting-on-resident"),
        ];

        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(4)), Office, history, At("2025-06-02 16:00"));

        Assert.Equal(SlaClockState.Breached, status.State);
        Assert.Equal(At("2025-06-02 13:00"), status.Deadline);
    }

    [Fact]
    public void Evaluate_ClosedInTheEveningAfterAFivePmDeadline_IsBreached()
    {
        CaseHistoryEvent[] history =
        [
            Entered(At("2025-06-02 13:00"), "open"),
            Entered(At("2025-06-02 19:00"), "closed"),
        ];

        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(4)), Office, history, At("2025-06-03 09:00"));

        Assert.Equal(At("2025-06-02 17:00"), status.Deadline);
        Assert.Equal(SlaClockState.Breached, status.State);
    }

    [Fact]
    public void Evaluate_BusinessDaysWithATwoHourPause_MovesTheDeadlineTwoBusinessHoursLater()
    {
        SlaClockDefinition clock = ResolutionClock(new BusinessDaysTarget(2));
        CaseHistoryEvent[] history =
        [
            Entered(At("2025-06-02 10:00"), "open"),
            Entered(At("2025-06-03 09:00"), "waiting-on-resident"),
            Entered(At("2025-06-03 11:00"), "open"),
        ];

        SlaClockStatus status = SlaClock.Evaluate(clock, Office, history, At("2025-06-03 12:00"));

        Assert.Equal(At("2025-06-05 10:00"), status.Deadline);
        Assert.Equal(SlaClockState.Running, status.State);
    }

    [Fact]
    public void Evaluate_BusinessDaysWithoutPauses_IsTheCloseOfTheLastDay()
    {
        CaseHistoryEvent[] history = [Entered(At("2025-06-02 10:00"), "open")];

        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(new BusinessDaysTarget(2)), Office, history, At("2025-06-02 10:00"));

        Instant closeOfSecondDay = Office.AddBusinessDays(At("2025-06-02 10:00"), 2, BusinessDayCounting.FollowingDays);
        Assert.Equal(closeOfSecondDay, status.Deadline);
        Assert.Equal(At("2025-06-04 18:00"), status.Deadline);
    }

    [Fact]
    public void Evaluate_TargetLoweredBelowTheTimeUsed_IsBreachedAtTheMomentTheNewTargetWasReached()
    {
        CaseHistoryEvent[] history =
        [
            Entered(At("2025-06-02 08:00"), "open"),
            Retarget(At("2025-06-02 12:00"), BusinessHours(2)),
        ];

        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(8)), Office, history, At("2025-06-02 12:00"));

        Assert.Equal(SlaClockState.Breached, status.State);
        Assert.Equal(At("2025-06-02 10:00"), status.Deadline);
    }

    [Fact]
    public void Evaluate_TargetChangeForAnotherClock_IsIgnored()
    {
        CaseHistoryEvent[] history =
        [
            Entered(At("2025-06-02 08:00"), "open"),
            new SlaTargetChanged(At("2025-06-02 09:00"), "first-response", BusinessHours(1)),
        ];

        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(8)), Office, history, At("2025-06-02 12:00"));

        Assert.Equal(At("2025-06-02 16:00"), status.Deadline);
    }

    [Fact]
    public void Evaluate_OpenedInAPausedState_StartsPaused()
    {
        SlaClockDefinition clock = ResolutionClock(BusinessHours(4)) with
        {
            Start = ClockTrigger.OnEntering("open", "waiting-on-resident"),
        };
        CaseHistoryEvent[] history = [Entered(At("2025-06-02 09:00"), "waiting-on-resident")];

        SlaClockStatus status = SlaClock.Evaluate(clock, Office, history, At("2025-06-02 12:00"));

        Assert.Equal(SlaClockState.Paused, status.State);
        Assert.Equal(Duration.Zero, status.Used);
    }

    [Fact]
    public void Evaluate_StoppedByAMilestone_IsMetAtTheMilestone()
    {
        SlaClockDefinition clock = ResolutionClock(BusinessHours(2)) with
        {
            Id = "first-response",
            Stop = ClockTrigger.OnMilestone("first-response"),
        };
        CaseHistoryEvent[] history =
        [
            Entered(At("2025-06-02 09:00"), "open"),
            new MilestoneReached(At("2025-06-02 10:15"), "first-response"),
        ];

        SlaClockStatus status = SlaClock.Evaluate(clock, Office, history, At("2025-06-02 15:00"));

        Assert.Equal(SlaClockState.Met, status.State);
        Assert.Equal(Duration.FromMinutes(75), status.Used);
    }

    [Fact]
    public void Evaluate_EventsAfterTheInstantAskedAbout_AreNotYetHistory()
    {
        CaseHistoryEvent[] history =
        [
            Entered(At("2025-06-02 09:00"), "open"),
            Entered(At("2025-06-02 11:00"), "closed"),
        ];

        SlaClockStatus status = SlaClock.Evaluate(
            ResolutionClock(BusinessHours(4)), Office, history, At("2025-06-02 10:00"));

        Assert.Equal(SlaClockState.Running, status.State);
        Assert.Equal(Duration.FromHours(1), status.Used);
    }
}
