using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Timers;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Fires an SLA warning or breach: an internal timeline event on the case ("SLA warning", "SLA breached"), an
/// audit entry, the clock's stored state (at risk, breached) and the matching escalations of the case's case type
/// (<see cref="SlaEscalations"/>), all in the timer's transaction. A case that is no longer open makes the timer
/// obsolete instead.
/// </summary>
public abstract class SlaTimerHandler(SlaEscalations escalations) : ITimerHandler
{
    public abstract string Kind { get; }

    protected abstract EscalationTrigger Trigger { get; }

    protected abstract CaseEventKind EventKind { get; }

    protected abstract string Action { get; }

    /// <summary>What firing does to the case's stored clock state.</summary>
    protected abstract void Mark(CaseSlaClock clock, Instant now);

    /// <summary>Anything else firing changes on the open case, in the same transaction, before the mark.</summary>
    protected virtual Task FiredAsync(TimerFiring firing, Case found, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public async Task<TimerOutcome> FireAsync(TimerFiring firing, CancellationToken cancellationToken)
    {
        DurableTimer timer = firing.Timer;
        if (timer.CaseId is not Guid caseId)
        {
            return TimerOutcome.Obsolete;
        }

        Case? found = await firing.Db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (found is null || !found.IsOpen)
        {
            return TimerOutcome.Obsolete;
        }

        await FiredAsync(firing, found, cancellationToken);
        CaseSlaClock? clock = await firing.Db.CaseSlaClocks
            .SingleOrDefaultAsync(c => c.CaseId == caseId && c.ClockId == timer.Clock, cancellationToken);
        if (clock is not null)
        {
            Mark(clock, firing.Now);
        }

        firing.Db.CaseEvents.Add(new CaseEvent(
            firing.Time.NewId(), caseId, EventKind, firing.Now, Actor.System, EventVisibility.Internal)
        {
            Text = timer.Clock,
        });
        firing.Db.AuditEntries.Add(new AuditEntry(firing.Time.NewId(), firing.Now, Actor.System, Action, "case", caseId)
        {
            Detail = JsonSerializer.Serialize(new
            {
                clock = timer.Clock,
                due = InstantPattern.ExtendedIso.Format(timer.DueAt),
                timer = timer.Id,
            }),
        });
        await escalations.ApplyAsync(firing, found, Trigger, WarningOf(timer), cancellationToken);
        return TimerOutcome.Fired;
    }

    /// <summary>The warning id a warning timer was scheduled with (its payload), if any.</summary>
    private static string? WarningOf(DurableTimer timer)
    {
        if (timer.Payload is null)
        {
            return null;
        }

        try
        {
            using JsonDocument payload = JsonDocument.Parse(timer.Payload);
            return payload.RootElement.TryGetProperty("warning", out JsonElement warning)
                && warning.ValueKind == JsonValueKind.String
                    ? warning.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
