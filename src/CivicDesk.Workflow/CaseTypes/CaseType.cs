using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// A loaded, checked case type: immutable and safe to share between threads. Built only by
/// <see cref="CaseTypeLoader.Load"/>; <see cref="ContentHash"/> identifies its meaning (docs/workflow.md).
/// </summary>
public sealed record CaseType(
    string Key,
    int Version,
    LocalizedText Labels,
    ImmutableArray<CaseField> Fields,
    ImmutableArray<CaseState> States,
    string Initial,
    ImmutableArray<CaseTransition> Transitions,
    DecisionTableReference? Routing,
    DecisionTableReference? Triage,
    ImmutableArray<SlaTargetDefinition> Sla,
    ImmutableArray<Escalation> Escalations)
{
    /// <summary>SHA-256 (hex) of the canonical form of everything above; see <see cref="CaseTypeHash"/>.</summary>
    [JsonIgnore]
    public string ContentHash { get; internal init; } = "";

    public CaseState? State(string id) => States.FirstOrDefault(s => s.Id == id);

    public CaseTransition? Transition(string id) => Transitions.FirstOrDefault(t => t.Id == id);

    public CaseField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>A text in English and Spanish, the two languages every label must have.</summary>
public sealed record LocalizedText(string En, string Es);

/// <summary>A field of a case, typed with a type name of the rules language (text, integer, ...).</summary>
public sealed record CaseField(string Name, string Type, bool Required);

/// <summary>Whether a state keeps the case open, pauses its SLA clocks, or ends it.</summary>
public enum StateKind
{
    Open,
    Paused,
    Closed,
}

public sealed record CaseState(string Id, LocalizedText Label, StateKind Kind);

/// <summary>Who a notification goes to: the resident, the case's assignee, or everyone with a role.</summary>
public enum Recipient
{
    Resident,
    Assignee,
    Role,
}

/// <summary>A message to send, by template key; <see cref="Role"/> is set only for <see cref="Recipient.Role"/>.</summary>
public sealed record Notification(Recipient To, string? Role, string Template);
