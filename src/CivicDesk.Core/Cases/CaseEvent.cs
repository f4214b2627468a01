using NodaTime;

namespace CivicDesk.Core.Cases;

/// <summary>One entry of a case's timeline. Events are appended, never changed.</summary>
public sealed class CaseEvent
{
    private CaseEvent()
    {
        ActorLabel = string.Empty;
    }

    internal CaseEvent(Guid id, Guid caseId, CaseEventKind kind, Instant at, Actor actor, EventVisibility visibility)
    {
        Id = id;
        CaseId = caseId;
        Kind = kind;
        At = at;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        ActorLabel = actor.Label;
        Visibility = visibility;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CaseEventKind Kind { get; private set; }

    public Instant At { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorLabel { get; private set; }

    public EventVisibility Visibility { get; private set; }

    /// <summary>The note's text, or the public status note given with a status change.</summary>
    public string? Text { get; internal set; }

    public CaseStatus? FromStatus { get; internal set; }

    public CaseStatus? ToStatus { get; internal set; }

    public Guid? AssigneeId { get; internal set; }

    /// <summary>
    /// Structured detail as JSON, for kinds that need more than the columns above: the decision record of
    /// <see cref="CaseEventKind.Routed"/>, the before and after of <see cref="CaseEventKind.RoutingOverridden"/>.
    /// </summary>
    public string? Data { get; internal set; }

    /// <summary>The earlier event this one answers: for an override, the routing decision it overrides.</summary>
    public Guid? RelatedEventId { get; internal set; }
}
