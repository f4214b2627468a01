using System.Collections.Immutable;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Explanation;

/// <summary>
/// Writes the reasons for an evaluation from its trace: each output with its label and answer, then the
/// labelled conditions (boolean definitions and tables) it actually read, each once, with its answer, the values
/// it read and its citation; for an undecided output, the inputs that are needed. Labels come from the rule set
/// (<c>label</c>, <c>label.es</c>); a missing Spanish label falls back to the English one, then to the name.
/// </summary>
public static class Explainer
{
    private const int MaxDepth = 3;

    public static Explanation Explain(RuleSet rules, RuleInputs inputs, EvaluationResult result, string language)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(result);
        Trace trace = result.Trace
            ?? throw new ArgumentException("Evaluate with trace: true to explain.", nameof(result));
        Context context = new(rules, inputs, result, trace, Wording.For(language), language, []);
        List<ExplanationLine> lines = [];
        foreach (RuleNode output in rules.Outputs)
        {
            AddNode(context, output, 0, lines);
            if (result[output.Name] is UnknownValue { Needs.IsEmpty: false } unknown)
            {
                string needed = string.Join("; ", unknown.Needs.Select(n => InputLabel(context, n)));
                lines.Add(new ExplanationLine(output.Name, 1, TraceStatus.Unknown,
                    $"{context.Words.Needs}: {needed}."));
            }
        }

        return new Explanation(language, [.. lines]);
    }

    private static void AddNode(Context context, RuleNode node, int depth, List<ExplanationLine> lines)
    {
        IReadOnlySet<string> reads = Reads(context, node);
        lines.Add(Line(context, node, depth, reads));
        if (depth >= MaxDepth || !context.Explained.Add(node.Name))
        {
            return;
        }

        foreach (RuleNode condition in Conditions(context, reads, []))
        {
            AddNode(context, condition, depth + 1, lines);
        }
    }

    /// <summary>What a node read on these inputs; nothing when it was not evaluated.</summary>
    private static IReadOnlySet<string> Reads(Context context, RuleNode node) =>
        context.Trace.Find(node.Name)?.Status is null or TraceStatus.NotEvaluated
            ? new HashSet<string>()
            : Interpreter.ReadsOf(context.Rules, context.Inputs, context.Result.AsOf, node.Index);

    /// <summary>The labelled conditions among what was read, looking through unlabelled definitions.</summary>
    private static List<RuleNode> Conditions(Context context, IReadOnlySet<string> reads, HashSet<string> seen)
    {
        List<RuleNode> found = [];
        foreach (RuleNode node in context.Rules.Nodes.Where(n => reads.Contains(n.Name) && seen.Add(n.Name)))
        {
            if (IsCondition(node))
            {
                found.Add(node);
            }
            else if (!node.Labels.ContainsKey("en"))
            {
                found.AddRange(Conditions(context, Reads(context, node), seen));
            }
        }

        return found;
    }

    private static bool IsCondition(RuleNode node) =>
        node.Labels.ContainsKey("en") && (node is DecisionTable || node.Type.Equals(RuleType.Boolean));

    private static ExplanationLine Line(Context context, RuleNode node, int depth, IReadOnlySet<string> reads)
    {
        TraceEntry entry = context.Trace.Find(node.Name)
            ?? new TraceEntry(node.Name, null, TraceStatus.NotEvaluated, null);
        string text = $"{Label(node.Labels, node.Name, context.Language)}: {Outcome(context, node, entry)}";
        string values = string.Join("; ", context.Rules.Inputs.Select(i => i.Name)
            .Concat(context.Rules.Parameters.Select(p => p.Name))
            .Concat(context.Rules.Nodes.Where(n => !IsCondition(n)).Select(n => n.Name))
            .Where(reads.Contains)
            .Select(r => Reference(context, r))
            .OfType<string>());
        text += values.Length > 0 ? $" ({values})" : string.Empty;
        if (node.Citation is not null)
        {
            text += $". {context.Words.Source}: {node.Citation}";
        }

        return new ExplanationLine(node.Name, depth, entry.Status, text + ".");
    }

    /// <summary>
    /// Yes, no, cannot decide yet or the value; for a table, also the labels of the rows that matched (a collect
    /// table's labels stand for its list of codes).
    /// </summary>
    private static string Outcome(Context context, RuleNode node, TraceEntry entry)
    {
        string outcome = entry.Status == TraceStatus.Value
            ? ValueText.Format(entry.Value!, context.Words)
            : context.Words.Status(entry.Status);
        if (node is not DecisionTable table || entry.Status != TraceStatus.Value)
        {
            return outcome;
        }

        List<string> matched = [.. table.Rows
            .Where(r => r.Labels.ContainsKey("en") && context.Trace.Find(table.Name, r.Id)?.Status == TraceStatus.True)
            .Select(r => Label(r.Labels, r.Id, context.Language))];
        if (matched.Count == 0)
        {
            return outcome;
        }

        return table.HitPolicy == HitPolicy.Collect
            ? string.Join("; ", matched)
            : $"{outcome} ({string.Join("; ", matched)})";
    }

    private static string? Reference(Context context, string name)
    {
        if (context.Rules.Node(name) is { } node)
        {
            Value? value = context.Trace.Find(name)?.Value;
            return value is null ? null : $"{Label(node.Labels, name, context.Language)} = {Show(context, value)}";
        }

        if (context.Rules.Input(name) is { } input)
        {
            Value value = context.Inputs.Get(name) ?? UnknownValue.Of([name]);
            return $"{Label(input.Labels, name, context.Language)} = {Show(context, value)}";
        }

        RuleParameter? parameter = context.Rules.Parameters.FirstOrDefault(p => p.Name == name);
        if (parameter is null || parameter.IsTable)
        {
            return null;
        }

        Value inForce = parameter.ValueOn(context.Result.AsOf);
        return $"{Label(parameter.Labels, name, context.Language)} = {Show(context, inForce)}";
    }

    private static string Show(Context context, Value value) => ValueText.Format(value, context.Words);

    private static string InputLabel(Context context, string path)
    {
        string root = path.Split('[', '.')[0];
        return context.Rules.Input(root) is { } input
            ? $"{Label(input.Labels, root, context.Language)} ({path})"
            : path;
    }

    internal static string Label(ImmutableDictionary<string, string> labels, string name, string language) =>
        labels.GetValueOrDefault(language) ?? labels.GetValueOrDefault("en") ?? name;

    private sealed record Context(
        RuleSet Rules,
        RuleInputs Inputs,
        EvaluationResult Result,
        Trace Trace,
        Wording Words,
        string Language,
        HashSet<string> Explained);
}
