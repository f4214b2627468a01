using System.Collections.Immutable;
using CivicDesk.Rules;
using CivicDesk.Rules.Compilation;
using CivicDesk.Rules.Model;

namespace CivicDesk.Core.Cases.Routing;

/// <summary>
/// A loaded routing rule set, compiled once. Its outputs are read by name: <c>department</c> (a department
/// code), optionally <c>queue</c> (a queue code of that department) and <c>priority</c> (an integer, 1 most
/// urgent). Immutable and shared between requests.
/// </summary>
public sealed class RoutingPolicy
{
    public const string DepartmentOutput = "department";

    public const string QueueOutput = "queue";

    public const string PriorityOutput = "priority";

    internal RoutingPolicy(RuleSet rules)
    {
        Rules = rules;
        Compiled = rules.Compile();
        HasQueueOutput = rules.Outputs.Any(o => o.Name == QueueOutput);
        TextInputs = [.. rules.Inputs.Where(i => i.Type.Equals(RuleType.Text)).Select(i => i.Name)];
    }

    public RuleSet Rules { get; }

    public CompiledRuleSet Compiled { get; }

    public bool HasQueueOutput { get; }

    /// <summary>The text inputs, filled from the submission (service code, answers by question code).</summary>
    internal ImmutableArray<string> TextInputs { get; }

    /// <summary>A table row's label in <paramref name="language"/>, else English, else null.</summary>
    public string? RowLabel(string table, string row, string language)
    {
        if (Rules.Node(table) is not DecisionTable decision)
        {
            return null;
        }

        DecisionRow? found = decision.Rows.FirstOrDefault(r => r.Id == row);
        return found is null ? null : found.Labels.GetValueOrDefault(language) ?? found.Labels.GetValueOrDefault("en");
    }

    /// <summary>A table's label in <paramref name="language"/>, else English, else null.</summary>
    public string? TableLabel(string table, string language) =>
        Rules.Node(table) is { } node
            ? node.Labels.GetValueOrDefault(language) ?? node.Labels.GetValueOrDefault("en")
            : null;
}
