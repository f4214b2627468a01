using System.Collections.Immutable;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Explanation;

/// <summary>
/// Writes the reasons for an evaluation from its trace alone: each output with its label and value, then the
/// labelled definitions and tables it rests on (looking through unlabelled ones), each with its status, the
/// values it read and its citation, and for an undecided output the inputs that are needed. Labels come from the
/// rule set (<c>label</c>, <c>label.es</c>); a missing Spanish label falls back to the English one, then the name.
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
        Context context = new(rules, inputs, result, trace, Wording.For(language), language);
        List<ExplanationLine> lines = [];
        foreach (RuleNode output in rules.Outputs)
        {
            lines.Add(Line(context, output, 0));
            AddConditions(context, output, 1, lines, [output.Name]);
            if (result[output.Name] is UnknownValue { Needs.IsEmpty: false } unknown)
            {
                string needed = string.Join("; ", unknown.Needs.Select(n => InputLabel(context, n)));
                lines.Add(new ExplanationLine(output.Name, 1, TraceStatus.Unknown,
                    $"{context.Words.Needs}: {needed}."));
            }
        }

        return new Explanation(language, [.. lines]);
    }

    private static void AddConditions(Context context, RuleNode node, int depth, List<ExplanationLine> lines,
        HashSet<string> seen)
    {
        foreach (RuleNode condition in LabelledConditions(context.Rules, node, seen))
        {
            lines.Add(Line(context, condition, depth));
            if (depth < MaxDepth)
            {
                AddConditions(context, condition, depth + 1, lines, seen);
            }
        }
    }

    /// <summary>The labelled nodes a node reads, directly or through unlabelled nodes, each once.</summary>
    private static List<RuleNode> LabelledConditions(RuleSet rules, RuleNode node, HashSet<string> seen)
    {
        List<RuleNode> found = [];
        foreach (string name in node.References)
        {
            if (rules.Node(name) is not { } referenced || !seen.Add(name))
            {
                continue;
            }

            if (referenced.Labels.ContainsKey("en"))
            {
                found.Add(referenced);
            }
            else
            {
                found.AddRange(LabelledConditions(rules, referenced, seen));
            }
        }

        return found;
    }

    private static ExplanationLine Line(Context context, RuleNode node, int depth)
    {
        TraceEntry entry = context.Trace.Find(node.Name)
            ?? new TraceEntry(node.Name, null, TraceStatus.NotEvaluated, null);
        string outcome = entry.Status == TraceStatus.Value
            ? ValueText.Format(entry.Value!, context.Words)
            : context.Words.Status(entry.Status);
        string text = $"{Label(node.Labels, node.Name, context.Language)}: {outcome}";
        if (entry.Status != TraceStatus.NotEvaluated)
        {
            string values = string.Join("; ", node.References.Select(r => Reference(context, r)).OfType<string>());
            text += values.Length > 0 ? $" ({values})" : string.Empty;
        }

        if (node.Citation is not null)
        {
            text += $". {context.Words.Source}: {node.Citation}";
        }

        return new ExplanationLine(node.Name, depth, entry.Status, text + ".");
    }

    private static string? Reference(Context context, string name)
    {
        if (context.Rules.Node(name) is { } node)
        {
            TraceEntry? entry = context.Trace.Find(name);
            return entry?.Value is null
                ? null
                : $"{Label(node.Labels, name, context.Language)} = {Show(context, entry.Value)}";
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
        RuleSet Rules, RuleInputs Inputs, EvaluationResult Result, Trace Trace, Wording Words, string Language);
}
