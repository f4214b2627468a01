using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// A loaded, checked case type: immutable and safe to share between threads. Built only by
/// <see cref="CaseTypeLoader.Load"/>; <see cref="ContentHash"/> identifies its meaning (docs/workflow.md).
/// <see cref="Services"/> lists the service codes the case type is for; empty means every service.
/// </summary>
public sealed record CaseType(
    string Key,
    int Version,
    LocalizedText Labels,
    ImmutableArray<string> Services,
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
