using System.Collections.Concurrent;
using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Notifications;
using CivicDesk.Core.Timers;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Runs the escalations of a case's pinned case type that match a firing SLA timer (same clock; a breach, or the
/// named warning), in the firing's transaction: <c>reassign-to</c> moves the case to that queue of its department
/// and clears the assignee; each <c>notify</c> entry becomes an outbox row (<see cref="OutboxNotification"/>);
/// an internal <see cref="CaseEventKind.Escalated"/> event and an audit entry (actor: the system) record it. The
/// timer is claimed and all of this is written in one transaction, so an escalation happens once per firing.
/// A queue code the case's department lacks is recorded as not applied on the event and logged once per case
/// type version, escalation and department.
/// </summary>
public sealed class SlaEscalations(
    CaseTypeCache cache,
    ILogger<SlaEscalations> logger,
    ILogger<PinnedCaseTypes> pinnedLogger)
{
    private readonly ConcurrentDictionary<string, bool> _missingLogged = new(StringComparer.Ordinal);

    /// <summary>Adds the matching escalations' effects to the firing's context; returns how many ran.</summary>
    public async Task<int> ApplyAsync(
        TimerFiring firing,
        Case @case,
        EscalationTrigger trigger,
        string? warning,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firing);
        ArgumentNullException.ThrowIfNull(@case);
        if (SlaSubject.Of(@case).CaseType is not PinnedCaseType pin)
        {
            return 0;
        }

        // Read through the firing's own context: the timer's transaction must not wait on another connection.
        PinnedCaseTypes pinned = new(firing.Db, cache, pinnedLogger);
        CaseType? type = await pinned.ForPinAsync(@case.JurisdictionId, pin, cancellationToken);
        int ran = 0;
        foreach (Escalation escalation in type?.Escalations ?? [])
        {
            if (escalation.Clock == firing.Timer.Clock && escalation.On == trigger
                && (trigger == EscalationTrigger.Breach || escalation.Warning == warning))
            {
                await ApplyOneAsync(firing, @case, pin, escalation, cancellationToken);
                ran++;
            }
        }

        return ran;
    }

    private async Task ApplyOneAsync(
        TimerFiring firing,
        Case @case,
        PinnedCaseType pin,
        Escalation escalation,
        CancellationToken cancellationToken)
    {
        Guid? queueId = null;
        if (escalation.ReassignToQueue is { } code)
        {
            Guid departmentId = @case.DepartmentId;
            queueId = await firing.Db.Queues.AsNoTracking()
                .Where(q => q.DepartmentId == departmentId && q.Code == code)
                .Select(q => (Guid?)q.Id)
                .SingleOrDefaultAsync(cancellationToken);
            if (queueId is null && _missingLogged.TryAdd($"{pin.ContentHash}:{escalation.Id}:{departmentId}", true))
            {
                Cases.Log.EscalationQueueMissing(logger, escalation.Id, pin.Key, departmentId, code);
            }
        }

        Guid? assignee = @case.AssigneeId;
        string source = "escalation:" + escalation.Id;
        foreach (Notification notification in escalation.Notify)
        {
            firing.Db.Notifications.Add(new OutboxNotification(
                firing.Time.NewId(), @case.Id, @case.Language, notification, assignee, source, firing.Now));
        }

        string data = JsonSerializer.Serialize(new
        {
            escalation = escalation.Id,
            clock = escalation.Clock,
            on = escalation.On == EscalationTrigger.Breach ? "breach" : "warning",
            warning = escalation.Warning,
            reassign_to = escalation.ReassignToQueue,
            reassigned = escalation.ReassignToQueue is null ? (bool?)null : queueId is not null,
            assignee_cleared = queueId is not null && assignee is not null,
            notifications = escalation.Notify.Length,
            timer = firing.Timer.Id,
        });
        firing.Db.CaseEvents.Add(@case.Escalate(escalation.Id, queueId, data, firing.Time.NewId(), firing.Now));
        firing.Db.AuditEntries.Add(new AuditEntry(
            firing.Time.NewId(), firing.Now, Actor.System, "case.escalated", "case", @case.Id)
        {
            Detail = data,
        });
        Cases.Log.Escalated(logger, escalation.Id, @case.Id, escalation.Notify.Length);
    }
}
