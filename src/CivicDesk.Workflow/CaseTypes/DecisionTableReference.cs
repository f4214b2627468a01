using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CivicDesk.Rules;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// A decision table of CivicDesk.Rules used for routing or triage: the rule file as named in the case type,
/// the outputs used (role, such as "department", to output name) and the loaded rule set.
/// </summary>
public sealed record DecisionTableReference(
    string RulesFile,
    string RuleSetId,
    string RuleSetVersion,
    string RuleSetHash,
    ImmutableSortedDictionary<string, string> Outputs)
{
    [JsonIgnore]
    public RuleSet RuleSet { get; internal init; } = null!;
}
