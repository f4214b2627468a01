using CivicDesk.Core.Cases;
using NodaTime;

namespace CivicDesk.Core.Audit;

/// <summary>
/// One line of the legal audit trail: who did what to which record, when and from where. Written in the
/// same transaction as the change it records. Holds identifiers, never personal data.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        ActorLabel = string.Empty;
        Action = string.Empty;
        TargetType = string.Empty;
    }

    public AuditEntry(Guid id, Instant at, Actor actor, string action, string targetType, Guid? targetId)
    {
        Id = id;
        At = at;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        ActorLabel = actor.Label;
        Address = actor.Address;
        Action = action;
        TargetType = targetType;
        TargetId = targetId;
    }

    public Guid Id { get; private set; }

    public Instant At { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorLabel { get; private set; }

    /// <summary>The network address of the caller, when there was one.</summary>
    public string? Address { get; private set; }

    /// <summary>A dotted verb such as <c>case.created</c> or <c>case.contact.read</c>.</summary>
    public string Action { get; private set; }

    public string TargetType { get; private set; }

    public Guid? TargetId { get; private set; }

    /// <summary>Non-personal facts about the change as a JSON object, such as the old and new status.</summary>
    public string? Detail { get; init; }
}
