using CivicDesk.Core.Cases;
using CivicDesk.Workflow.Sla;

namespace CivicDesk.Core.Sla;

/// <summary>A case's timeline as the history SLA clocks read: each status it entered, by its code.</summary>
public static class CaseHistory
{
    public static IReadOnlyList<CaseHistoryEvent> From(IEnumerable<CaseEvent> timeline) =>
    [
        .. timeline
            .Where(e => e.Kind is CaseEventKind.Created or CaseEventKind.StatusChanged && e.ToStatus is not null)
            .OrderBy(e => e.At)
            .Select(e => new StateEntered(e.At, e.ToStatus!.Value.ToCode())),
    ];
}
