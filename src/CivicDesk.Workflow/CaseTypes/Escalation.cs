using System.Collections.Immutable;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// What happens when a clock warns or is breached: move the case to a queue, notify people, or both.
/// <see cref="Warning"/> names the clock's warning when <see cref="On"/> is <see cref="EscalationTrigger.Warning"/>.
/// </summary>
public sealed record Escalation(
    string Id,
    string Clock,
    EscalationTrigger On,
    string? Warning,
    string? ReassignToQueue,
    ImmutableArray<Notification> Notify);
