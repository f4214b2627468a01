using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Workflow.Sla;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Sla;

/// <summary>A case's timeline as the history SLA clocks read: each status it entered, by its code.</summary>
public static class CaseHistory
{
    public static IReadOnlyList<CaseHistoryEvent> From(IEnumerable<CaseEvent> timeline) =>
    [
        .. timeline
            .Where(e => e.Kind is CaseEventKind.Created or CaseEventKind.StatusChanged && e.ToStatus is not null)
            .OrderBy(e => e.At)
            .ThenBy(e => e.Kind != CaseEventKind.Created)
            .Select(e => new StateEntered(e.At, e.ToStatus!.Value.ToCode())),
    ];

    /// <summary>
    /// The histories of a batch of cases, read in one query. At the same instant the creation comes first, whatever
    /// order the rows are read in: an imported case whose source gives no time for its status change entered that
    /// status when it was created.
    /// </summary>
    internal static async Task<ILookup<Guid, CaseHistoryEvent>> ForCasesAsync(
        CivicDeskDbContext db,
        Guid[] ids,
        CancellationToken cancellationToken) =>
        (await db.CaseEvents.AsNoTracking()
            .Where(e => ids.Contains(e.CaseId)
                && (e.Kind == CaseEventKind.Created || e.Kind == CaseEventKind.StatusChanged)
                && e.ToStatus != null)
            .Select(e => new { e.CaseId, e.At, e.Kind, e.ToStatus })
            .ToListAsync(cancellationToken))
        .OrderBy(e => e.At)
        .ThenBy(e => e.Kind != CaseEventKind.Created)
        .ToLookup(e => e.CaseId, e => (CaseHistoryEvent)new StateEntered(e.At, e.ToStatus!.Value.ToCode()));
}
