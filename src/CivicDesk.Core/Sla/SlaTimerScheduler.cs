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
/// Keeps a case's SLA timers and stored clock states in line with its clocks: a warning and a breach timer per
/// running clock, no pending timer for a clock that stopped, paused or moved its deadline, and one
/// <see cref="CaseSlaClock"/> row per clock. It lists what changed (<see cref="SlaChanges"/>); the caller stores
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
    public async Task ScheduleAsync(Case @case, CaseEvent? change, CancellationToken cancellationToken)
    {
        Guid caseId = @case.Id;
        List<CaseEvent> timeline = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId
                && (e.Kind == CaseEventKind.Created || e.Kind == CaseEventKind.StatusChanged))
            .ToListAsync(cancellationToken);
        if (change is not null)
        {
            timeline.Add(change);
        }

        List<DurableTimer> existing = await db.Timers
            .Where(t => t.CaseId == caseId && SlaKinds.Contains(t.Kind))
            .ToListAsync(cancellationToken);
        List<CaseSlaClock> clocks = await db.CaseSlaClocks.Where(c => c.CaseId == caseId)
            .ToListAsync(cancellationToken);
        SlaPlan? plan = await policy.PlanForAsync(SlaSubject.Of(@case), cancellationToken);
        SlaChanges changes = new();
        Apply(caseId, plan, CaseHistory.From(timeline), existing, clocks, time.GetCurrentInstant(), changes);
        changes.Track(db);
    }

    /// <summary>
    /// Brings one case's timers and clock rows (as loaded, tracked or not) in line with <paramref name="plan"/>:
    /// changes the loaded rows in memory and records in <paramref name="changes"/> what to add, write and remove.
    /// Returns the clocks whose deadline moved, for a caller that explains why.
    /// </summary>
    internal List<DeadlineMove> Apply(
        Guid caseId,
        SlaPlan? plan,
        IReadOnlyList<CaseHistoryEvent> history,
        IReadOnlyList<DurableTimer> existing,
        IReadOnlyList<CaseSlaClock> clocks,
        Instant now,
        SlaChanges changes)
    {
        List<DeadlineMove> moves = [];
        List<DurableTimer> wanted = [];
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

            wanted.AddRange(Timers(caseId, clock.Definition.Id, status, now));
        }

        changes.RemovedClocks.AddRange(rows.Values);
        Reconcile(existing, wanted, now, changes);
        return moves;
    }

    private static void Reconcile(
        IReadOnlyList<DurableTimer> existing,
        List<DurableTimer> wanted,
        Instant now,
        SlaChanges changes)
    {
        Dictionary<string, DurableTimer> byKey = existing.ToDictionary(t => t.DedupeKey, StringComparer.Ordinal);
        HashSet<string> wantedKeys = new(StringComparer.Ordinal);
        foreach (DurableTimer timer in wanted)
        {
            wantedKeys.Add(timer.DedupeKey);
            if (!byKey.TryGetValue(timer.DedupeKey, out DurableTimer? known))
            {
                changes.AddedTimers.Add(timer);
            }
            else if (known.State == TimerStates.Cancelled)
            {
                known.Revive();
                changes.RevivedTimers.Add(known);
            }
        }

        foreach (DurableTimer stale in existing.Where(t => t.State == TimerStates.Pending))
        {
            if (!wantedKeys.Contains(stale.DedupeKey))
            {
                stale.Cancel(now);
                changes.CancelledTimers.Add(stale);
            }
        }
    }

    private IEnumerable<DurableTimer> Timers(Guid caseId, string clockId, SlaClockStatus status, Instant now)
    {
        if (status.StoppedAt is not null || status.Deadline is not { } deadline)
        {
            yield break;
        }

        string due = InstantPattern.ExtendedIso.Format(deadline);
        yield return new DurableTimer(
            time.NewId(), TimerKinds.SlaBreach, caseId, clockId, deadline,
            JsonSerializer.Serialize(new { clock = clockId, deadline = due }), now);
        foreach (SlaWarningTime warning in status.Warnings)
        {
            yield return new DurableTimer(
                time.NewId(), TimerKinds.SlaWarning, caseId, clockId, warning.At,
                JsonSerializer.Serialize(new { clock = clockId, warning = warning.Id, deadline = due }), now);
        }
    }
}

/// <summary>A clock whose deadline moved when the case's clocks were evaluated again.</summary>
internal sealed record DeadlineMove(Guid CaseId, string ClockId, Instant From, Instant To);
