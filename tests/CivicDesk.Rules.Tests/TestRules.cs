using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Tests;

/// <summary>Small helpers: a rule set from a few lines, evaluated on a fixed as-of date.</summary>
internal static class TestRules
{
    public static readonly LocalDate AsOf = new(2025, 6, 2);

    public static RuleSet Load(string body) =>
        RuleSetLoader.Load("test.rules", "rules \"test\" version \"1\"\n" + body);

    public static RulesLoadException LoadFails(string body) =>
        Assert.Throws<RulesLoadException>(() => Load(body));

    public static EvaluationResult Evaluate(RuleSet rules, params (string Name, Value Value)[] inputs) =>
        Evaluate(rules, AsOf, inputs);

    public static EvaluationResult Evaluate(RuleSet rules, LocalDate asOf, params (string Name, Value Value)[] inputs)
    {
        RuleInputs values = RuleInputs.For(rules);
        foreach ((string name, Value value) in inputs)
        {
            values.Set(name, value);
        }

        EvaluationResult interpreted = rules.Evaluate(values, asOf, trace: true);
        return interpreted;
    }

    /// <summary>The value of a single-output rule set named "result".</summary>
    public static Value Result(string body, params (string Name, Value Value)[] inputs) =>
        Evaluate(Load(body + "\noutputs result\n"), inputs)["result"];
}
