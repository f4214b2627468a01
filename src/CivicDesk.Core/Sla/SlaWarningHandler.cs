using CivicDesk.Core.Cases;
using CivicDesk.Core.Timers;

namespace CivicDesk.Core.Sla;

public sealed class SlaWarningHandler : SlaTimerHandler
{
    public override string Kind => TimerKinds.SlaWarning;

    protected override CaseEventKind EventKind => CaseEventKind.SlaWarning;

    protected override string Action => "case.sla_warning";
}
