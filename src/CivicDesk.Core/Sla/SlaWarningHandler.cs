using CivicDesk.Core.Cases;
using CivicDesk.Core.Timers;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Fires an SLA warning, and schedules the clock's next timer (its next warning, or its breach): a clock keeps one
/// pending timer at a time.
/// </summary>
public sealed class SlaWarningHandler(SlaEscalations escalations, SlaTimerScheduler scheduler)
    : SlaTimerHandler(escalations)
{
    public override string Kind => TimerKinds.SlaWarning;

    protected override EscalationTrigger Trigger => EscalationTrigger.Warning;

    protected override CaseEventKind EventKind => CaseEventKind.SlaWarning;

    protected override string Action => "case.sla_warning";

    protected override void Mark(CaseSlaClock clock, Instant now) => clock.WarningFired(now);

    protected override Task FiredAsync(TimerFiring firing, Case found, CancellationToken cancellationToken) =>
        scheduler.ScheduleAfterFiringAsync(firing.Db, found, firing.Timer, cancellationToken);
}
