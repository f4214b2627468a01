using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Golden;
using CivicDesk.Rules.Values;
using CsCheck;
using NodaTime;

namespace CivicDesk.Rules.Tests.Compilation;

/// <summary>
/// Every operator and function, compiled, against the interpreter: operands of each type drawn from values at the
/// edges (equal decimals of different scale, overflow, zero divisors, the ends of the integer range, empty text),
/// any operand possibly missing so that unknown must propagate through the compiled operator helpers with the same
/// inputs named.
/// </summary>
public sealed class CompiledOperatorTests
{
    internal const string OperatorRules = """
        input d1 : decimal
        input d2 : decimal
        input i1 : integer
        input i2 : integer
        input t1 : text
        input t2 : text
        input b1 : boolean
        input b2 : boolean
        input a1 : date
        input a2 : date
        parameter table by_size(size : integer) : decimal unit "USD" label "By size" citation "test"
          from 2025-01-01
            1: 10.50
            2: 20
        parameter table by_text_size(name : text, size : integer) : decimal unit "USD" label "By two" citation "test"
          from 2025-01-01
            "a", 1: 1
            "b", 2: 2.00
        define dadd = d1 + d2
        define dsub = d1 - d2
        define dmul = d1 * d2
        define ddiv = d1 / d2
        define deq = d1 = d2
        define dne = d1 <> d2
        define dlt = d1 < d2
        define dle = d1 <= d2
        define dgt = d1 > d2
        define dge = d1 >= d2
        define iadd = i1 + i2
        define isub = i1 - i2
        define imul = i1 * i2
        define ieq = i1 = i2
        define ine = i1 <> i2
        define ilt = i1 < i2
        define ile = i1 <= i2
        define igt = i1 > i2
        define ige = i1 >= i2
        define teq = t1 = t2
        define tne = t1 <> t2
        define beq = b1 = b2
        define bne = b1 <> b2
        define aeq = a1 = a2
        define ane = a1 <> a2
        define alt = a1 < a2
        define ale = a1 <= a2
        define agt = a1 > a2
        define age = a1 >= a2
        define aplus = a1 + days(i1)
        define aminus = a1 - months(i2)
        define ayears = a1 + years(i1)
        define dneg = -d1
        define ineg = -i1
        define bnot = not b1
        define band = b1 and b2
        define bor = b1 or b2
        define cents = round_cents(d1)
        define whole = floor(d2)
        define todec = decimal(i1)
        define ages_on = age_on(a1, a2)
        define day_count = days_between(a1, a2)
        define month_count = months_between(a1, a2)
        define dmin2 = min(d1, d2)
        define imax3 = max(i1, i2, 7)
        define dmax3 = max(d1, 2.0, d2)
        define amin3 = min(a1, a2, as_of)
        define inrange = i1 in [i2..5]
        define inlits = t1 in ["a", "b", ""]
        define inexprs = d1 in [d2, 1.5]
        define pick = if b1 then d1 else d2
        define one_key = by_size(i1)
        define two_keys = by_text_size(t1, i2)
        define listed = count([i1, i2, 3], x -> x > 1)
        define when = if days_between(as_of, a1) > 0 then as_of else a1
        """;

    private static readonly Lazy<RuleSet> Rules = new(() => TestRules.Load(OperatorRules + "\noutputs "
        + string.Join(", ", OutputNames()) + "\n"));

    private static readonly Value[] Decimals =
        [Value.Of(0m), Value.Of(2.0m), Value.Of(2.00m), Value.Of(-1.5m), Value.Of(1.5m), Value.Of(decimal.MaxValue),
            Value.Of(decimal.MinValue), Value.Of(0.005m)];

    private static readonly Value[] Integers =
        [Value.Of(0L), Value.Of(1L), Value.Of(-1L), Value.Of(2L), Value.Of(5L), Value.Of(long.MaxValue),
            Value.Of(long.MinValue), Value.Of(100_000L)];

    private static readonly Value[] Texts = [Value.Of("a"), Value.Of("b"), Value.Of(""), Value.Of("B")];

    private static readonly Value[] Dates =
        [Value.Of(new LocalDate(2025, 1, 31)), Value.Of(new LocalDate(2024, 2, 29)),
            Value.Of(new LocalDate(2025, 6, 2)), Value.Of(new LocalDate(9999, 12, 1))];

    [Fact]
    public void EveryOperator_GeneratedOperands_CompiledAgreesWithInterpreterIncludingTraces()
    {
        RuleSet rules = Rules.Value;

        Gen.Int.Sample(seed =>
        {
            Random random = new(seed);
            RuleInputs inputs = RuleInputs.For(rules);
            Maybe(random, inputs, "d1", Decimals);
            Maybe(random, inputs, "d2", Decimals);
            Maybe(random, inputs, "i1", Integers);
            Maybe(random, inputs, "i2", Integers);
            Maybe(random, inputs, "t1", Texts);
            Maybe(random, inputs, "t2", Texts);
            Maybe(random, inputs, "b1", [Value.True, Value.False]);
            Maybe(random, inputs, "b2", [Value.True, Value.False]);
            Maybe(random, inputs, "a1", Dates);
            Maybe(random, inputs, "a2", Dates);
            LocalDate asOf = new LocalDate(2024, 12, 1).PlusDays(random.Next(90));

            EvaluationResult interpreted = rules.Evaluate(inputs, asOf, trace: true);
            EvaluationResult compiled = rules.Compile().Evaluate(inputs, asOf, trace: true);

            List<string> differences = [.. GoldenRunner.Differences(interpreted, compiled)];
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
            Assert.Equal(interpreted.Outputs, rules.Compile().Evaluate(inputs, asOf).Outputs);
        }, iter: 4000);
    }

    [Fact]
    public void TypedOperators_MissingOperands_NameEveryMissingInputSorted()
    {
        RuleSet rules = Rules.Value;
        RuleInputs inputs = RuleInputs.For(rules).Set("b1", Value.True);

        EvaluationResult compiled = rules.Compile().Evaluate(inputs, TestRules.AsOf);

        Assert.Equal(Value.Unknown("d1", "d2"), compiled["dle"]);
        Assert.Equal(Value.Unknown("i1", "i2"), compiled["imul"]);
        Assert.Equal(Value.Unknown("t1", "t2"), compiled["teq"]);
        Assert.Equal(Value.Unknown("a1", "a2"), compiled["age"]);
        Assert.Equal(Value.Unknown("b2"), compiled["band"]);
        Assert.Equal(Value.True, compiled["bor"]);
        Assert.Equal(Value.Unknown("i1"), compiled["one_key"]);
        Assert.Equal(Value.Unknown("i2", "t1"), compiled["two_keys"]);
    }

    [Fact]
    public void TypedOperators_EdgeValues_GiveTheLanguagesAnswers()
    {
        RuleSet rules = Rules.Value;
        RuleInputs inputs = RuleInputs.For(rules)
            .Set("d1", Value.Of(decimal.MaxValue)).Set("d2", Value.Of(0m))
            .Set("i1", Value.Of(long.MaxValue)).Set("i2", Value.Of(2L))
            .Set("t1", Value.Of("a")).Set("t2", Value.Of("B"));

        EvaluationResult compiled = rules.Compile().Evaluate(inputs, TestRules.AsOf);

        Assert.Equal(Value.Unknown(), compiled["ddiv"]);
        Assert.Equal(Value.Of(decimal.MaxValue), compiled["dadd"]);
        Assert.Equal(Value.Unknown(), compiled["imul"]);
        Assert.Equal(Value.Unknown(), compiled["iadd"]);
        Assert.Equal(Value.Of(long.MaxValue - 2), compiled["isub"]);
        Assert.Equal(Value.False, compiled["teq"]);
        Assert.Equal(Value.Unknown(), compiled["two_keys"]);
    }

    [Fact]
    public void DecimalEquality_DifferentScales_IsEqualCompiledAsInterpreted()
    {
        RuleSet rules = Rules.Value;
        RuleInputs inputs = RuleInputs.For(rules).Set("d1", Value.Of(2.0m)).Set("d2", Value.Of(2.00m));

        EvaluationResult compiled = rules.Compile().Evaluate(inputs, TestRules.AsOf);

        Assert.Equal(Value.True, compiled["deq"]);
        Assert.Equal(Value.False, compiled["dne"]);
        Assert.Equal(Value.True, compiled["inexprs"]);
    }

    private static IEnumerable<string> OutputNames() =>
        OperatorRules.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("define ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]);

    private static void Maybe(Random random, RuleInputs inputs, string name, Value[] values)
    {
        if (random.Next(6) != 0)
        {
            inputs.Set(name, values[random.Next(values.Length)]);
        }
    }
}
