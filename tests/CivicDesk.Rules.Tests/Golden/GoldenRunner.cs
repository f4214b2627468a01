using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Explanation;
using CivicDesk.Rules.Values;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CivicDesk.Rules.Tests.Golden;

/// <summary>
/// Runs golden cases: loads the rule set beside the YAML file, evaluates each case with the interpreter and the
/// compiled rule set, and returns every difference from what the case expects.
/// </summary>
internal static class GoldenRunner
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static GoldenFile Read(string path) => Yaml.Deserialize<GoldenFile>(File.ReadAllText(path));

    public static RuleSet LoadRules(string goldenPath, GoldenFile file)
    {
        string folder = Path.GetDirectoryName(goldenPath)!;
        return RuleSetLoader.Load(file.Rules, name =>
        {
            string path = Path.Combine(folder, name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        });
    }

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

    public static List<string> Run(RuleSet rules, GoldenFile file, GoldenCase golden)
    {
        RuleInputs inputs = Inputs(rules, file, golden);
        LocalDate asOf = LocalDatePattern.Iso.Parse(golden.AsOf).Value;
        EvaluationResult result = rules.Evaluate(inputs, asOf, trace: true);
        List<string> problems = Check(rules, inputs, golden, result);
        EvaluationResult compiled = rules.Compile().Evaluate(inputs, asOf, trace: true);
        problems.AddRange(Differences(result, compiled));
        return problems;
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
            Value actual = result[name];
            bool same = expected is "unknown"
                ? actual is UnknownValue
                : expected is not null && Evaluation.ValueOps.Same(actual,
                    InputReader.Convert(expected, rules.Node(name)!.Type, name));
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

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        List<object> list => "[" + string.Join(", ", list) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Snake(TraceStatus? status) => status switch
    {
        TraceStatus.NotEvaluated => "not_evaluated",
        null => "absent",
        _ => status.Value.ToString().ToLowerInvariant(),
    };
}
