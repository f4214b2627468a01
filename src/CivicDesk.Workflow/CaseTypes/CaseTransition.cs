using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CivicDesk.Rules;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// A move from any of <see cref="From"/> to <see cref="To"/> that staff with one of <see cref="Roles"/> may
/// take when <see cref="RequiredFields"/> have values and the <see cref="Guard"/> (rules language) is true.
/// </summary>
public sealed record CaseTransition(
    string Id,
    ImmutableArray<string> From,
    string To,
    ImmutableArray<string> Roles,
    ImmutableArray<string> RequiredFields,
    string? Guard,
    ImmutableArray<Notification> Notifications)
{
    /// <summary>The guard compiled as a one-output rule set over the case's fields; null without a guard.</summary>
    [JsonIgnore]
    public RuleSet? GuardRules { get; internal init; }
}
