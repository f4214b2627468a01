using System.Text.Json;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Timers;
using CivicDesk.Workflow.Sla;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Keeps a case's SLA timers and stored clock states in line with its clocks: one pending timer per running clock,
/// for the next of its warnings and its breach that has not fired yet (the warning handler schedules the one after
/// it), no pending timer for a clock that stopped, paused or moved its deadline, and one <see cref="CaseSlaClock"/>
/// row per clock. It lists what changed (<see cref="SlaChanges"/>); the caller stores
/// that in the transaction of the change that moved the clocks, tracked, set-based, or as a new case's rows.
/// Imported open cases get their first clocks through it too, in batches (<see cref="SlaFirstScheduling"/>).
/// </summary>
public sealed class SlaTimerScheduler(CivicDeskDbContext db, ISlaPolicy policy, TimeProvider time)
{
    internal static readonly string[] SlaKinds = [TimerKinds.SlaWarning, TimerKinds.SlaBreach];

    /// <summary>
    /// For a case being created: its first event is its whole history, and it has no timers yet. Returns its clock
    /// rows and timers without adding them to the context, for the caller to insert with the case.
    /// </summary>
    public async Task<List<object>> NewCaseRowsAsync(Case created, CaseEvent first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(created);
        SlaPlan? plan = await policy.PlanForAsync(SlaSubject.Of(created), cancellationToken);
        SlaChanges changes = new();
        Apply(created.Id, plan, CaseHistory.From([first]), [], [], time.GetCurrentInstant(), changes);
        return [.. changes.AddedClocks, .. changes.AddedTimers];
    }

    /// <summary>
    /// For a stored case, after its status changed (<paramref name="change"/> is that event, not yet saved) or
    /// when its clocks may have moved for another reason (null).
    /// </summary>
    public Task ScheduleAsync(Case @case, CaseEvent? change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return ScheduleAsync(db, @case, change, fired: null, cancellationToken);
    }

    /// <summary>
    /// In the transaction of a firing SLA timer (in <paramref name="context"/>, the firing's context): the clock's
    /// next timer, now that <paramref name="fired"/> counts as fired.
    /// </summary>
    internal Task ScheduleAfterFiringAsync(
        CivicDeskDbContext context,
        Case @case,
        DurableTimer fired,
        CancellationToken cancellationToken) =>
        ScheduleAsync(context, @case, change: null, fired.DedupeKey, cancellationToken);

    private async Task ScheduleAsync(
        CivicDeskDbContext context,
        Case @case,
        CaseEvent? change,
        string? fired,
        CancellationToken cancellationToken)
    {
        Guid caseId = @case.Id;
        List<CaseEvent> timeline = await context.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId
                && (e.Kind == CaseEventKind.Created || e.Kind == CaseEventKind.StatusChanged))
            .ToListAsync(cancellationToken);
        if (change is not null)
        {
            timeline.Add(change);
        }

        List<DurableTimer> existing = await context.Timers
            .Where(t => t.CaseId == caseId && SlaKinds.Contains(t.Kind))
            .ToListAsync(cancellationToken);
        List<CaseSlaClock> clocks = await context.CaseSlaClocks.Where(c => c.CaseId == caseId)
            .ToListAsync(cancellationToken);
        SlaPlan? plan = await policy.PlanForAsync(SlaSubject.Of(@case), cancellationToken);
        SlaChanges changes = new();
        Apply(caseId, plan, CaseHistory.From(timeline), existing, clocks, time.GetCurrentInstant(), changes, fired);
        changes.Track(context);
    }

    /// <summary>
    /// Brings one case's timers and clock rows (as loaded, tracked or not) in line with <paramref name="plan"/>:
    /// changes the loaded rows in memory and records in <paramref name="changes"/> what to add, write and remove.
    /// Returns the clocks whose deadline moved, for a caller that explains why. <paramref name="fired"/> is the
    /// dedupe key of a timer firing in this transaction, which counts as fired although not marked yet.
    /// </summary>
    internal List<DeadlineMove> Apply(
        Guid caseId,
        SlaPlan? plan,
        IReadOnlyList<CaseHistoryEvent> history,
        IReadOnlyList<DurableTimer> existing,
        IReadOnlyList<CaseSlaClock> clocks,
        Instant now,
        SlaChanges changes,
        string? fired = null)
    {
        List<DeadlineMove> moves = [];
        List<WantedTimer> wanted = [];
        Dictionary<string, DurableTimer> known = existing.ToDictionary(t => t.DedupeKey, StringComparer.Ordinal);
        Dictionary<string, CaseSlaClock> rows = clocks.ToDictionary(c => c.ClockId, StringComparer.Ordinal);
        foreach (PlannedClock clock in plan?.Clocks ?? [])
        {
            SlaClockStatus status = SlaClock.Evaluate(clock.Definition, clock.Calendar, history, now);
            bool added = !rows.Remove(clock.Definition.Id, out CaseSlaClock? row);
            if (added)
            {
                row = new CaseSlaClock(caseId, clock.Definition.Id);
                changes.AddedClocks.Add(row);
            }
            else if (row!.Deadline is { } before && status.Deadline is { } after && before != after)
            {
                moves.Add(new DeadlineMove(caseId, clock.Definition.Id, before, after));
            }

            if (row!.Update(status, clock.Calendar.Id, clock.Calendar.Version, now) && !added)
            {
                changes.ChangedClocks.Add(row);
            }

            if (NextTimer(caseId, clock.Definition.Id, status, known, fired) is { } next)
            {
                wanted.Add(next);
            }
        }

        changes.RemovedClocks.AddRange(rows.Values);
        Reconcile(known, existing, wanted, fired, now, changes);
        return moves;
    }

    private void Reconcile(
        Dictionary<string, DurableTimer> byKey,
        IReadOnlyList<DurableTimer> existing,
        List<WantedTimer> wanted,
        string? fired,
        Instant now,
        SlaChanges changes)
    {
        HashSet<string> wantedKeys = new(StringComparer.Ordinal);
        foreach (WantedTimer timer in wanted)
        {
            wantedKeys.Add(timer.Key);
            if (!byKey.TryGetValue(timer.Key, out DurableTimer? known))
            {
                changes.AddedTimers.Add(timer.Create(time.NewId(), now));
            }
            else if (known.State == TimerStates.Cancelled)
            {
                known.Revive();
                changes.RevivedTimers.Add(known);
            }
        }

        // A pending timer no longer wanted is deleted rather than kept as cancelled: an UPDATE of its state wrote
        // a new row version and an entry in three indexes, a DELETE marks the row only (a sixth of the write).
        // The timer firing in this transaction is left to be marked fired.
        foreach (DurableTimer stale in existing.Where(t => t.State == TimerStates.Pending))
        {
            if (!wantedKeys.Contains(stale.DedupeKey) && stale.DedupeKey != fired)
            {
                changes.RemovedTimers.Add(stale);
            }
        }
    }

    /// <summary>
    /// The clock's one timer to keep pending: the earliest of its warnings and its breach whose timer has not fired
    /// (nor been taken as obsolete, nor given up); none for a clock that stopped, is paused or has all fired. A
    /// warning due at the deadline comes before the breach. Only its key: the row is made when it is missing.
    /// </summary>
    private static WantedTimer? NextTimer(
        Guid caseId,
        string clockId,
        SlaClockStatus status,
        Dictionary<string, DurableTimer> known,
        string? fired)
    {
        if (status.StoppedAt is not null || status.Deadline is not { } deadline)
        {
            return null;
        }

        SlaWarningTime? warning = null;
        foreach (SlaWarningTime candidate in status.Warnings)
        {
            if (candidate.At <= deadline && (warning is null || candidate.At < warning.At)
                && !Done(DurableTimer.KeyFor(caseId, clockId, TimerKinds.SlaWarning, candidate.At), known, fired))
            {
                warning = candidate;
            }
        }

        if (warning is not null)
        {
            return new WantedTimer(
                DurableTimer.KeyFor(caseId, clockId, TimerKinds.SlaWarning, warning.At), caseId, clockId, warning.At,
                warning.Id, deadline);
        }

        string breach = DurableTimer.KeyFor(caseId, clockId, TimerKinds.SlaBreach, deadline);
        return Done(breach, known, fired) ? null : new WantedTimer(breach, caseId, clockId, deadline, null, deadline);
    }

    private static bool Done(string key, Dictionary<string, DurableTimer> known, string? fired) =>
        key == fired || (known.TryGetValue(key, out DurableTimer? timer)
            && timer.State is TimerStates.Fired or TimerStates.Obsolete or TimerStates.Failed);

    /// <summary>
    /// A clock's next timer by its dedupe key: a warning (<paramref name="WarningId"/> set) or the breach at the
    /// deadline.
    /// </summary>
    private readonly record struct WantedTimer(
        string Key,
        Guid CaseId,
        string ClockId,
        Instant DueAt,
        string? WarningId,
        Instant Deadline)
    {
        public DurableTimer Create(Guid id, Instant now)
        {
            string due = InstantPattern.ExtendedIso.Format(Deadline);
            return WarningId is null
                ? new DurableTimer(
                    id, TimerKinds.SlaBreach, CaseId, ClockId, DueAt,
                    JsonSerializer.Serialize(new { clock = ClockId, deadline = due }), now)
                : new DurableTimer(
                    id, TimerKinds.SlaWarning, CaseId, ClockId, DueAt,
                    JsonSerializer.Serialize(new { clock = ClockId, warning = WarningId, deadline = due }), now);
        }
    }
}

/// <summary>A clock whose deadline moved when the case's clocks were evaluated again.</summary>
internal sealed record DeadlineMove(Guid CaseId, string ClockId, Instant From, Instant To);
