using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Timers;

namespace CivicDesk.Core.Sla;

/// <summary>
/// What bringing cases' clocks in line changed: clock rows added, changed (already updated in memory) or no
/// longer wanted, timers added, no longer wanted (deleted) or pending again, and timeline notes.
/// <see cref="SlaTimerScheduler"/> fills it; a caller either hands it to the context (<see cref="Track"/>, for one
/// case saved with its change) or writes it set-based (<see cref="SlaBatchWriter"/>, for many cases read without
/// tracking).
/// </summary>
internal sealed class SlaChanges
{
    public List<CaseSlaClock> AddedClocks { get; } = [];

    public List<CaseSlaClock> ChangedClocks { get; } = [];

    public List<CaseSlaClock> RemovedClocks { get; } = [];

    public List<DurableTimer> AddedTimers { get; } = [];

    /// <summary>Pending timers no longer wanted: deleted, on the condition that they are still pending.</summary>
    public List<DurableTimer> RemovedTimers { get; } = [];

    public List<DurableTimer> RevivedTimers { get; } = [];

    public List<CaseEvent> Notes { get; } = [];

    public bool IsEmpty => AddedClocks.Count + ChangedClocks.Count + RemovedClocks.Count + AddedTimers.Count
        + RemovedTimers.Count + RevivedTimers.Count + Notes.Count == 0;

    /// <summary>
    /// Adds the new rows to the context and marks the removed ones; rows loaded with tracking carry their own
    /// changes already.
    /// </summary>
    public void Track(CivicDeskDbContext db)
    {
        db.CaseSlaClocks.AddRange(AddedClocks);
        db.CaseSlaClocks.RemoveRange(RemovedClocks);
        db.Timers.AddRange(AddedTimers);
        db.Timers.RemoveRange(RemovedTimers);
        db.CaseEvents.AddRange(Notes);
    }
}
