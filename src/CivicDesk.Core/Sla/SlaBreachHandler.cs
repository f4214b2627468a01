using CivicDesk.Core.Cases;
using CivicDesk.Core.Timers;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.Sla;

public sealed class SlaBreachHandler(SlaEscalations escalations) : SlaTimerHandler(escalations)
{
    public override string Kind => TimerKinds.SlaBreach;

    protected override EscalationTrigger Trigger => EscalationTrigger.Breach;

    protected override CaseEventKind EventKind => CaseEventKind.SlaBreached;

    protected override string Action => "case.sla_breached";

    protected override void Mark(CaseSlaClock clock, Instant now) => clock.BreachFired(now);
}
