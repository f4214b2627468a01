using System.Collections.Immutable;
using CivicDesk.Rules;
using CivicDesk.Rules.Compilation;
using CivicDesk.Rules.Model;

namespace CivicDesk.Core.Cases.Routing;

/// <summary>
/// A loaded routing rule set, compiled once. Its outputs are read by name: <c>department</c> (a department
/// code), optionally <c>queue</c> (a queue code of that department) and <c>priority</c> (an integer, 1 most
/// urgent). A case type's routing and triage tables name their own outputs for these roles; a rule set that
/// decides only some roles leaves the others unset (null names). Immutable and shared between requests.
/// </summary>
public sealed class RoutingPolicy
{
    public const string DepartmentOutput = "department";

    public const string QueueOutput = "queue";

    public const string PriorityOutput = "priority";

    internal RoutingPolicy(RuleSet rules)
        : this(
            rules,
            DepartmentOutput,
            rules.Outputs.Any(o => o.Name == QueueOutput) ? QueueOutput : null,
            PriorityOutput)
    {
    }

    internal RoutingPolicy(RuleSet rules, string? departmentOutput, string? queueOutput, string? priorityOutput)
    {
        Rules = rules;
        Compiled = rules.Compile();
        DepartmentName = departmentOutput;
        QueueName = queueOutput;
        PriorityName = priorityOutput;
        TextInputs = [.. rules.Inputs.Where(i => i.Type.Equals(RuleType.Text)).Select(i => i.Name)];
    }

    public RuleSet Rules { get; }

    public CompiledRuleSet Compiled { get; }

    public bool HasQueueOutput => QueueName is not null;

    /// <summary>The output that gives the department code; null when this rule set does not route.</summary>
    public string? DepartmentName { get; }

    /// <summary>The output that gives the queue code; null when the rule set names no queue.</summary>
    public string? QueueName { get; }

    /// <summary>The output that gives the priority; null when this rule set does not triage.</summary>
    public string? PriorityName { get; }

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
