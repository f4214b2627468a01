using CivicDesk.Core.Cases;
using CivicDesk.Core.Timers;
using NodaTime;

namespace CivicDesk.Core.Sla;

public sealed class SlaWarningHandler : SlaTimerHandler
{
    public override string Kind => TimerKinds.SlaWarning;

    protected override CaseEventKind EventKind => CaseEventKind.SlaWarning;

    protected override string Action => "case.sla_warning";

    protected override void Mark(CaseSlaClock clock, Instant now) => clock.WarningFired(now);
}
