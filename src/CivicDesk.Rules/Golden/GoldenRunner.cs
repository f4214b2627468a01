using System.Collections;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Explanation;
using CivicDesk.Rules.Values;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Rules.Golden;

/// <summary>
/// Runs golden cases: evaluates a case with the interpreter and the compiled rule set and returns every
/// difference from what the case expects, and between the two evaluations.
/// </summary>
public static class GoldenRunner
{
    public static RuleInputs Inputs(RuleSet rules, GoldenFile file, GoldenCase golden)
    {
        Dictionary<string, object?> data = new(file.Base, StringComparer.Ordinal);
        foreach ((string name, object? value) in golden.Inputs)
        {
            data[name] = value;
        }

        foreach (string name in golden.Remove)
        {
            data.Remove(name);
        }

        return InputReader.Read(rules, data);
    }

    public static List<string> Run(RuleSet rules, GoldenFile file, GoldenCase golden) =>
        [.. RunCase(rules, file, golden).Problems];

    /// <summary>Runs one case; a case whose inputs or as-of date cannot be read fails with the reason.</summary>
    public static GoldenOutcome RunCase(RuleSet rules, GoldenFile file, GoldenCase golden)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(golden);
        ParseResult<LocalDate> asOf = LocalDatePattern.Iso.Parse(golden.AsOf);
        if (!asOf.Success)
        {
            return new GoldenOutcome(golden.Name, [$"as_of: expected a date, found '{golden.AsOf}'"], null);
        }

        RuleInputs inputs;
        try
        {
            inputs = Inputs(rules, file, golden);
        }
        catch (RuleInputException exception)
        {
            return new GoldenOutcome(golden.Name, [exception.Message], null);
        }

        EvaluationResult result = rules.Evaluate(inputs, asOf.Value, trace: true);
        List<string> problems = Check(rules, inputs, golden, result);
        EvaluationResult compiled = rules.Compile().Evaluate(inputs, asOf.Value, trace: true);
        problems.AddRange(Differences(result, compiled));
        EvaluationResult untraced = rules.Compile().Evaluate(inputs, asOf.Value);
        problems.AddRange(result.Outputs.Zip(untraced.Outputs)
            .Where(pair => !pair.First.Value.Equals(pair.Second.Value))
            .Select(pair => $"compiled without trace {pair.First.Name}: {pair.Second.Value.Canonical}, "
                + $"interpreted {pair.First.Value.Canonical}"));
        return new GoldenOutcome(golden.Name, [.. problems], result);
    }

    /// <summary>Where a compiled result differs from the interpreter's, outputs and trace entries.</summary>
    public static IEnumerable<string> Differences(EvaluationResult interpreted, EvaluationResult compiled)
    {
        foreach (((string name, Value expected), (_, Value actual)) in interpreted.Outputs.Zip(compiled.Outputs))
        {
            if (!expected.Equals(actual))
            {
                yield return $"compiled {name}: {actual.Canonical}, interpreted {expected.Canonical}";
            }
        }

        foreach ((TraceEntry expected, TraceEntry actual) in interpreted.Trace!.Entries.Zip(compiled.Trace!.Entries))
        {
            if (!expected.Equals(actual))
            {
                yield return $"compiled trace {actual}, interpreted {expected}";
            }
        }
    }

    private static List<string> Check(RuleSet rules, RuleInputs inputs, GoldenCase golden, EvaluationResult result)
    {
        List<string> problems = [];
        foreach ((string name, object? expected) in golden.Expect)
        {
            if (rules.Node(name) is not { } node || !result.Outputs.Any(o => o.Name == name))
            {
                problems.Add($"{name}: not an output of the rule set");
                continue;
            }

            Value actual = result[name];
            bool same = expected is "unknown"
                ? actual is UnknownValue
                : expected is not null && Same(actual, expected, node.Type, name);
            if (!same)
            {
                problems.Add($"{name}: expected {Describe(expected)}, found {actual.Canonical}");
            }
        }

        foreach ((string name, string status) in golden.Reasons)
        {
            TraceStatus? actual = result.Trace!.Find(name)?.Status;
            if (!string.Equals(Snake(actual), status, StringComparison.Ordinal))
            {
                problems.Add($"{name}: expected status {status}, found {Snake(actual)}");
            }
        }

        if (golden.Needs is not null && !golden.Needs.SequenceEqual(result.NeededInputs))
        {
            problems.Add($"needs: expected [{string.Join(", ", golden.Needs)}], "
                + $"found [{string.Join(", ", result.NeededInputs)}]");
        }

        foreach ((string language, List<string> sentences) in golden.Explanation)
        {
            string text = Explainer.Explain(rules, inputs, result, language).ToString();
            problems.AddRange(sentences.Where(s => !text.Contains(s, StringComparison.Ordinal))
                .Select(s => $"explanation ({language}) lacks \"{s}\" in:\n{text}"));
        }

        return problems;
    }

    private static bool Same(Value actual, object expected, RuleType type, string name)
    {
        try
        {
            return ValueOps.Same(actual, InputReader.Convert(expected, type, name));
        }
        catch (RuleInputException)
        {
            return false;
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string text => text,
        IList list => "[" + string.Join(", ", list.Cast<object>()) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Snake(TraceStatus? status) => status switch
    {
        TraceStatus.NotEvaluated => "not_evaluated",
        null => "absent",
        _ => status.Value.ToString().ToLowerInvariant(),
    };
}
