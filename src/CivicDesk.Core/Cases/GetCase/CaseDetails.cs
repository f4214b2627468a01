using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using NodaTime;

namespace CivicDesk.Core.Cases.GetCase;

/// <summary>Everything the staff case page shows, except the contact details (read through their own action).</summary>
public sealed record CaseDetails(
    Case Case,
    string ServiceCode,
    string ServiceName,
    string DepartmentCode,
    string DepartmentName,
    string? AssigneeName,
    DateTimeZone TimeZone,
    IReadOnlyList<AnswerLine> Answers,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<CaseAttachment> Photos,
    bool HasContact,
    IReadOnlyList<StaffChoice> AssignChoices,
    bool MayUnassign,
    IReadOnlyList<CaseStatus> NextStatuses)
{
    /// <summary>The case's queue code and name.</summary>
    public string QueueCode { get; init; } = string.Empty;

    public string QueueName { get; init; } = string.Empty;

    /// <summary>
    /// The departments (with their queues) a supervisor may move the case to; empty when the caller may not
    /// override routing.
    /// </summary>
    public IReadOnlyList<DepartmentEntry> RoutingChoices { get; init; } = [];

    public bool MayOverrideRouting => RoutingChoices.Count > 0;

    /// <summary>The case's SLA clocks as they stand now.</summary>
    public IReadOnlyList<SlaClockView> Clocks { get; init; } = [];
}

/// <summary>A question of the service and the answer given, by code when the question is no longer asked.</summary>
public sealed record AnswerLine(string Code, string Question, IReadOnlyList<string> Values);

/// <summary>One timeline event with the names of the people involved.</summary>
public sealed record TimelineEntry(
    Guid Id,
    CaseEventKind Kind,
    Instant At,
    ActorKind ActorKind,
    string ActorLabel,
    string? ActorName,
    EventVisibility Visibility,
    string? Text,
    CaseStatus? FromStatus,
    CaseStatus? ToStatus,
    string? AssigneeName)
{
    /// <summary>For <see cref="CaseEventKind.Routed"/>: the decision recorded.</summary>
    public RoutingDecisionView? Decision { get; init; }

    /// <summary>For <see cref="CaseEventKind.RoutingOverridden"/>: the before and after.</summary>
    public RoutingOverrideView? Override { get; init; }

    /// <summary>The event this one answers: for an override, the decision it overrides.</summary>
    public Guid? RelatedEventId { get; init; }

    /// <summary>For a decision: the overrides that answer it, in order.</summary>
    public IReadOnlyList<Guid> OverriddenBy { get; init; } = [];
}

/// <summary>A member of staff the caller may assign the case to.</summary>
public sealed record StaffChoice(Guid UserId, string DisplayName, StaffRole Role, bool IsCaller);
