using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.Cases.GetCase;

/// <summary>
/// Everything the staff case page shows, except the contact details (read through their own action).
/// <paramref name="Viewer"/> is the zone the caller sees times in: his or her own setting, else the jurisdiction's.
/// </summary>
public sealed record CaseDetails(
    Case Case,
    string ServiceCode,
    string ServiceName,
    string DepartmentCode,
    string DepartmentName,
    string? AssigneeName,
    ViewerZone Viewer,
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
    /// True when the department's name is shown as its source (English) text because the reader's language has no
    /// translation of it, as for departments an import created from an agency name; pages mark it as English.
    /// </summary>
    public bool DepartmentNameUntranslated { get; init; }

    /// <summary>True when the queue's name is its source (English) text for want of a translation.</summary>
    public bool QueueNameUntranslated { get; init; }

    /// <summary>
    /// The departments (with their queues) a supervisor may move the case to; empty when the caller may not
    /// override routing.
    /// </summary>
    public IReadOnlyList<DepartmentEntry> RoutingChoices { get; init; } = [];

    /// <summary>
    /// The routing choices whose names are their source (English) text for want of a translation: department
    /// codes, and department and queue codes joined by a slash.
    /// </summary>
    public IReadOnlySet<string> UntranslatedRoutingNames { get; init; } = new HashSet<string>();

    public bool MayOverrideRouting => RoutingChoices.Count > 0;

    /// <summary>The case type version the case is worked by; null for an unpinned case.</summary>
    public PinnedCaseType? CaseType { get; init; }

    /// <summary>
    /// For a pinned case, the transitions the caller's roles may take from its status (those they may not are left
    /// out); null for an unpinned case, which offers <see cref="NextStatuses"/>.
    /// </summary>
    public IReadOnlyList<TransitionChoice>? Transitions { get; init; }

    /// <summary>
    /// Every transition of the case's case type by id, with the label of the state it leads to, to name a move the
    /// user chose that is no longer offered (after someone else's change).
    /// </summary>
    public IReadOnlyDictionary<string, LocalizedText> TransitionLabels { get; init; } =
        new Dictionary<string, LocalizedText>();

    /// <summary>The case's SLA clocks as they stand now.</summary>
    public IReadOnlyList<SlaClockView> Clocks { get; init; } = [];
}

/// <summary>A question of the service and the answer given, by code when the question is no longer asked.</summary>
/// <param name="Code">The question's code.</param>
/// <param name="Question">The question's label, or its code when the question is no longer asked.</param>
/// <param name="Values">The answer as stored: option keys for a list question.</param>
public sealed record AnswerLine(string Code, string Question, IReadOnlyList<string> Values)
{
    /// <summary>The answer as shown: an option's name in place of its key where the question still offers it.</summary>
    public IReadOnlyList<string> Shown { get; init; } = Values;
}

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

    /// <summary>
    /// For a decision: its fired rows' labels in the reader's language from the jurisdiction's translations, by
    /// <c>table/row</c> (rows the translations do not label are left out).
    /// </summary>
    public IReadOnlyDictionary<string, string> RowLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>For <see cref="CaseEventKind.RoutingOverridden"/>: the before and after.</summary>
    public RoutingOverrideView? Override { get; init; }

    /// <summary>The event this one answers: for an override, the decision it overrides.</summary>
    public Guid? RelatedEventId { get; init; }

    /// <summary>For a decision: the overrides that answer it, in order.</summary>
    public IReadOnlyList<Guid> OverriddenBy { get; init; } = [];

    /// <summary>For a status change of a pinned case: the transition taken and the fields given with it.</summary>
    public TransitionRecord? Transition { get; init; }

    /// <summary>For a moved SLA deadline: the facts kept (null for older events, which carry only a text).</summary>
    public Sla.DeadlineMovedRecord? DeadlineMoved { get; init; }

    /// <summary>For an escalation: the facts kept (null when its data cannot be read).</summary>
    public EscalationRecord? Escalation { get; init; }
}

/// <summary>A member of staff the caller may assign the case to.</summary>
public sealed record StaffChoice(Guid UserId, string DisplayName, StaffRole Role, bool IsCaller);
