using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Workflow.Sla;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// A case's clocks as they stand now, for the case page and the staff API: evaluated afresh from the timeline on
/// the calendars the policy names, so the view is right even before a timer fires.
/// </summary>
public sealed class CaseClocks(ISlaPolicy policy, TimeProvider time)
{
    public async Task<IReadOnlyList<SlaClockView>> ForCaseAsync(
        Case @case,
        IEnumerable<CaseEvent> timeline,
        CancellationToken cancellationToken)
    {
        SlaPlan? plan = await policy.PlanForAsync(SlaSubject.Of(@case), cancellationToken);
        if (plan is null)
        {
            return [];
        }

        IReadOnlyList<CaseHistoryEvent> history = CaseHistory.From(timeline);
        Instant now = time.GetCurrentInstant();
        return
        [
            .. plan.Clocks.Select(clock =>
                View(clock, SlaClock.Evaluate(clock.Definition, clock.Calendar, history, now), now)),
        ];
    }

    private static SlaClockView View(PlannedClock clock, SlaClockStatus status, Instant now)
    {
        Instant? warning = status.Warnings.Count == 0 ? null : status.Warnings.Min(w => w.At);
        return new SlaClockView(
            clock.Definition.Id,
            SlaClockStates.Of(status, warning, now),
            status.Deadline,
            warning,
            status.Used,
            status.Remaining,
            status.Target is not CalendarTimeTarget,
            clock.Calendar.Id,
            clock.Calendar.Version);
    }
}

/// <summary>
/// One clock of a case now. <see cref="State"/> is one of <see cref="SlaClockStates"/>; <see cref="Used"/> and
/// <see cref="Remaining"/> are open time of the calendar when <see cref="BusinessTime"/>, else elapsed time.
/// </summary>
public sealed record SlaClockView(
    string ClockId,
    string State,
    Instant? Deadline,
    Instant? WarningAt,
    Duration Used,
    Duration Remaining,
    bool BusinessTime,
    string CalendarKey,
    int CalendarVersion);
