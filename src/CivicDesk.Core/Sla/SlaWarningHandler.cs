using CivicDesk.Core.Cases;
using CivicDesk.Core.Timers;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.Sla;

public sealed class SlaWarningHandler(SlaEscalations escalations) : SlaTimerHandler(escalations)
{
    public override string Kind => TimerKinds.SlaWarning;

    protected override EscalationTrigger Trigger => EscalationTrigger.Warning;

    protected override CaseEventKind EventKind => CaseEventKind.SlaWarning;

    protected override string Action => "case.sla_warning";

    protected override void Mark(CaseSlaClock clock, Instant now) => clock.WarningFired(now);
}
