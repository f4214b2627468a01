using CivicDesk.Workflow.Sla;
using NodaTime;
using static CivicDesk.Workflow.Tests.Sla.TestClocks;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Sla;

/// <summary>The pothole walk-through of docs/workflow.md, so the page cannot drift from the code.</summary>
public sealed class DocumentedExampleTests
{
    private static readonly SlaClockDefinition Clock =
        ResolutionClock(BusinessHours(4), new SlaWarning("one-hour", Duration.FromHours(1)));

    private static readonly CaseHistoryEvent[] AskedForPhoto =
    [
        Entered(At("2025-06-02 17:00"), "open"),
        Entered(At("2025-06-02 17:30"), "waiting-on-resident"),
    ];

    [Fact]
    public void Evaluate_WaitingForThePhoto_IsPausedWithHalfAnHourUsed()
    {
        SlaClockStatus status = SlaClock.Evaluate(Clock, Office(), AskedForPhoto, At("2025-06-03 12:00"));

        Assert.Equal(SlaClockState.Paused, status.State);
        Assert.Equal(Duration.FromMinutes(30), status.Used);
        Assert.Null(status.Deadline);
    }

    [Fact]
    public void Evaluate_PhotoArrivesWednesdayNine_IsDueWednesdayHalfPastTwelve()
    {
        CaseHistoryEvent[] history = [.. AskedForPhoto, Entered(At("2025-06-04 09:00"), "open")];

        SlaClockStatus status = SlaClock.Evaluate(Clock, Office(), history, At("2025-06-04 09:00"));

        Assert.Equal(At("2025-06-04 12:30"), status.Deadline);
    }

    [Fact]
    public void Evaluate_PriorityRaisedToTwoHours_KeepsTheHalfHourUsedAndIsDueHalfPastTen()
    {
        CaseHistoryEvent[] history =
        [
            .. AskedForPhoto,
            Entered(At("2025-06-04 09:00"), "open"),
            Retarget(At("2025-06-04 09:05"), BusinessHours(2)),
        ];

        SlaClockStatus status = SlaClock.Evaluate(Clock, Office(), history, At("2025-06-04 09:10"));

        Assert.Equal(At("2025-06-04 10:30"), status.Deadline);
        Assert.Equal(Duration.FromMinutes(40), status.Used);
    }
}
