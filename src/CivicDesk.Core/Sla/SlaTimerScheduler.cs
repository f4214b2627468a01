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
/// Keeps a case's SLA timers in line with its clocks: a warning and a breach timer per running clock, and no
/// pending timer for a clock that stopped, paused or moved its deadline. It only adds to the context; the
/// caller's SaveChanges stores the timers in the transaction of the change that moved the clocks.
/// </summary>
// Limitation: bulk imports write cases without calling this, so an imported case gets its timers only at its
// first status change. Schedule them in the importer (in batches) when imported open cases must be watched too.
public sealed class SlaTimerScheduler(CivicDeskDbContext db, ISlaPolicy policy, TimeProvider time)
{
    private static readonly string[] SlaKinds = [TimerKinds.SlaWarning, TimerKinds.SlaBreach];

    /// <summary>For a case being created: its first event is its whole history, and it has no timers yet.</summary>
    public Task ScheduleNewCaseAsync(Case created, CaseEvent first, CancellationToken cancellationToken) =>
        ApplyAsync(created, [first], [], cancellationToken);

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
        await ApplyAsync(@case, timeline, existing, cancellationToken);
    }

    private async Task ApplyAsync(
        Case @case,
        IEnumerable<CaseEvent> timeline,
        List<DurableTimer> existing,
        CancellationToken cancellationToken)
    {
        Instant now = time.GetCurrentInstant();
        SlaPlan? plan = await policy.PlanForAsync(@case, cancellationToken);
        List<DurableTimer> wanted = plan is null ? [] : Wanted(@case.Id, plan, CaseHistory.From(timeline), now);
        Dictionary<string, DurableTimer> byKey = existing.ToDictionary(t => t.DedupeKey, StringComparer.Ordinal);
        HashSet<string> wantedKeys = new(StringComparer.Ordinal);
        foreach (DurableTimer timer in wanted)
        {
            wantedKeys.Add(timer.DedupeKey);
            if (!byKey.TryGetValue(timer.DedupeKey, out DurableTimer? known))
            {
                db.Timers.Add(timer);
            }
            else if (known.State == TimerStates.Cancelled)
            {
                known.Revive();
            }
        }

        foreach (DurableTimer stale in existing.Where(t => t.State == TimerStates.Pending))
        {
            if (!wantedKeys.Contains(stale.DedupeKey))
            {
                stale.Cancel(now);
            }
        }
    }

    private List<DurableTimer> Wanted(
        Guid caseId,
        SlaPlan plan,
        IReadOnlyList<CaseHistoryEvent> history,
        Instant now)
    {
        List<DurableTimer> wanted = [];
        foreach (SlaClockDefinition clock in plan.Clocks)
        {
            SlaClockStatus status = SlaClock.Evaluate(clock, plan.Calendar, history, now);
            if (status.StoppedAt is not null || status.Deadline is not { } deadline)
            {
                continue;
            }

            string due = InstantPattern.ExtendedIso.Format(deadline);
            wanted.Add(new DurableTimer(
                time.NewId(), TimerKinds.SlaBreach, caseId, clock.Id, deadline,
                JsonSerializer.Serialize(new { clock = clock.Id, deadline = due }), now));
            foreach (SlaWarningTime warning in status.Warnings)
            {
                wanted.Add(new DurableTimer(
                    time.NewId(), TimerKinds.SlaWarning, caseId, clock.Id, warning.At,
                    JsonSerializer.Serialize(new { clock = clock.Id, warning = warning.Id, deadline = due }), now));
            }
        }

        return wanted;
    }
}
