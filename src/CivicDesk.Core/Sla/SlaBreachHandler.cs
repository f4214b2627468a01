using CivicDesk.Core.Cases;
using CivicDesk.Core.Timers;
using NodaTime;

namespace CivicDesk.Core.Sla;

public sealed class SlaBreachHandler : SlaTimerHandler
{
    public override string Kind => TimerKinds.SlaBreach;

    protected override CaseEventKind EventKind => CaseEventKind.SlaBreached;

    protected override string Action => "case.sla_breached";

    protected override void Mark(CaseSlaClock clock, Instant now) => clock.BreachFired(now);
}
