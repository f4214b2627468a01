using System.Globalization;
using CivicDesk.Rules.Compilation;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Golden;
using CivicDesk.Rules.Tests.Golden;
using CivicDesk.Rules.Values;
using CivicDesk.Testing;
using CsCheck;
using NodaTime;

namespace CivicDesk.Rules.Tests.Compilation;

/// <summary>
/// The untraced program compiles scalar expressions to typed trees (raw values with an explicit unknown) and keeps
/// definitions in typed slots. These tests pin down that the operators really are typed (not sent back to the boxed
/// helpers), that unknown propagates through typed slots naming the same inputs as the interpreter, that nothing
/// of one evaluation stays in the slots for the next, and, over generated inputs with unknowns, that the typed
/// program agrees with the interpreter.
/// </summary>
public sealed class TypedCompilationTests
{
    private const string SlotRules = """
        input x : decimal
        input y : decimal
        input n : integer
        input flag : boolean
        input kind : text
        input since : date
        input people : list of record(age : integer, working : boolean)
        parameter table limit(kind : text, size : integer) : decimal unit "USD" label "Limit" citation "test"
          from 2025-01-01
            "a", 1: 100
            "a", 2: 150.50
            "b", 1: 80
        define total = x + y
        define doubled = total * 2
        define over = doubled > 100
        define gated = flag and over
        define either = flag or over
        define negated = not over
        define chosen = if flag then total else y
        define sized = n in [1..3]
        define listed = kind in ["a", "c"]
        define within = total <= limit(kind, n)
        define late = days_between(since, as_of) > 30
        define adults = count(people, p -> p.age >= 18)
        define any_working = any(people, p -> p.working and p.age >= 18)
        define all_working = all(people, p -> p.working)
        define share = if adults = 0 then 0.0 else decimal(adults) / decimal(n)
        table band
          hit first
          input total
          input kind
          output level : integer
          row low: < 50, - -> 1
          row mid: [50..150], ["a", "b"] -> 2
          row high: > 150, <> "c" -> 3
        table bonus
          hit collect sum
          input sized
          input late
          output amount : decimal
          row s: true, - -> 10.5
          row l: -, true -> 2
        table tier
          hit unique
          input n
          output name : text
          row one: 1 -> "one"
          row few: [2..4] -> "few"
          row many: >= 5 -> "many"
        outputs total, doubled, over, gated, either, negated, chosen, sized, listed, within, late, adults
        outputs any_working, all_working, share, band, bonus, tier
        """;

    private static readonly Lazy<RuleSet> Slots = new(() => TestRules.Load(SlotRules));

    private static readonly Lazy<RuleSet> Era = new(() =>
    {
        string path = RepositoryPaths.Samples("rules", "era.golden.yaml");
        return GoldenYaml.LoadRules(path, GoldenYaml.Read(path));
    });

    [Fact]
    public void OperatorRules_EveryScalarOperatorAndFunction_IsCompiledTyped()
    {
        RuleSet rules = TestRules.Load(CompiledOperatorTests.OperatorRules + "\noutputs dadd\n");

        TypedProgram program = rules.Compile().Typed;

        // Only durations (date plus days, months, years) stay boxed; every other operator, look-up and function of
        // the operator rule set, min and max of numbers and dates included, is compiled to typed code.
        Assert.Equal(["aplus: Binary", "aminus: Binary", "ayears: Binary"], program.Untyped);
        Assert.All(rules.Nodes, node => Assert.True(program.IsTyped[node.Index], node.Name));
    }

    [Fact]
    public void EraRules_Compiled_EveryExpressionAndTableRowIsTyped()
    {
        RuleSet rules = Era.Value;

        TypedProgram program = rules.Compile().Typed;

        Assert.Empty(program.Untyped);
    }

    [Fact]
    public void TypedSlots_MissingInput_UnknownFlowsThroughDefinitionsNamingIt()
    {
        RuleSet rules = Slots.Value;
        RuleInputs inputs = RuleInputs.For(rules).Set("y", Value.Of(10m)).Set("flag", Value.False)
            .Set("kind", Value.Of("a")).Set("n", Value.Of(2L));

        EvaluationResult compiled = rules.Compile().Evaluate(inputs, TestRules.AsOf);

        Assert.Equal(Value.Unknown("x"), compiled["total"]);
        Assert.Equal(Value.Unknown("x"), compiled["doubled"]);
        Assert.Equal(Value.Unknown("x"), compiled["over"]);
        Assert.Equal(Value.Unknown("x"), compiled["negated"]);
        Assert.Equal(Value.False, compiled["gated"]);
        Assert.Equal(Value.Unknown("x"), compiled["either"]);
        Assert.Equal(Value.Of(10m), compiled["chosen"]);
        Assert.Equal(Value.Unknown("x"), compiled["within"]);
        Assert.Equal(Value.Unknown("x"), compiled["band"]);
        Assert.Equal(Value.Unknown("since"), compiled["bonus"]);
        Assert.Equal(Value.Unknown("people"), compiled["adults"]);
        Assert.Equal(["people", "since", "x"], compiled.NeededInputs);
        Assert.Equal(rules.Evaluate(inputs, TestRules.AsOf).Outputs, compiled.Outputs);
    }

    [Fact]
    public void TypedSlots_TwoMissingOperands_NameBothSortedOnce()
    {
        RuleSet rules = Slots.Value;
        RuleInputs inputs = RuleInputs.For(rules).Set("kind", Value.Of("a"));

        EvaluationResult compiled = rules.Compile().Evaluate(inputs, TestRules.AsOf);

        Assert.Equal(Value.Unknown("x", "y"), compiled["doubled"]);
        Assert.Equal(Value.Unknown("flag", "x", "y"), compiled["gated"]);
        Assert.Equal(Value.Unknown("flag"), compiled["chosen"]);
        Assert.Equal(Value.Unknown("n", "x", "y"), compiled["within"]);
        Assert.Equal(Value.Unknown("n"), compiled["tier"]);
        Assert.Equal(rules.Evaluate(inputs, TestRules.AsOf).Outputs, compiled.Outputs);
    }

    [Fact]
    public void TypedSlots_KnownThenMissing_NextEvaluationDoesNotReadTheLastOnesSlots()
    {
        RuleSet rules = Slots.Value;
        CompiledRuleSet compiled = rules.Compile();
        RuleInputs known = RuleInputs.For(rules).Set("x", Value.Of(60m)).Set("y", Value.Of(0.5m))
            .Set("flag", Value.True).Set("kind", Value.Of("a")).Set("n", Value.Of(2L));
        RuleInputs missing = RuleInputs.For(rules).Set("flag", Value.True);

        EvaluationResult first = compiled.Evaluate(known, TestRules.AsOf);
        EvaluationResult second = compiled.Evaluate(missing, TestRules.AsOf);

        Assert.Equal(Value.True, first["gated"]);
        Assert.Equal(Value.Of(2L), first["band"]);
        Assert.Equal(Value.Unknown("x", "y"), second["gated"]);
        Assert.Equal(Value.Unknown("x", "y"), second["chosen"]);
        Assert.Equal(rules.Evaluate(missing, TestRules.AsOf).Outputs, second.Outputs);
    }

    [Fact]
    public void TypedSlots_GeneratedInputsWithUnknowns_AgreeWithInterpreter()
    {
        RuleSet rules = Slots.Value;
        Value[] decimals = [Value.Of(0m), Value.Of(25m), Value.Of(50.00m), Value.Of(49.99m), Value.Of(75.25m),
            Value.Of(150.50m), Value.Of(-3m), Value.Of(decimal.MaxValue)];
        Value[] integers = [Value.Of(0L), Value.Of(1L), Value.Of(2L), Value.Of(4L), Value.Of(5L), Value.Of(-1L)];
        Value[] texts = [Value.Of("a"), Value.Of("b"), Value.Of("c"), Value.Of("")];
        Value[] dates = [Value.Of(new LocalDate(2025, 5, 1)), Value.Of(new LocalDate(2025, 4, 1)),
            Value.Of(new LocalDate(2025, 6, 2))];

        Gen.Int.Sample(seed =>
        {
            Random random = new(seed);
            RuleInputs inputs = RuleInputs.For(rules);
            Maybe(random, inputs, "x", decimals);
            Maybe(random, inputs, "y", decimals);
            Maybe(random, inputs, "n", integers);
            Maybe(random, inputs, "flag", [Value.True, Value.False]);
            Maybe(random, inputs, "kind", texts);
            Maybe(random, inputs, "since", dates);
            if (random.Next(5) != 0)
            {
                inputs.Set("people", People(random));
            }

            LocalDate asOf = new LocalDate(2025, 5, 1).PlusDays(random.Next(60));

            EvaluationResult interpreted = rules.Evaluate(inputs, asOf, trace: true);
            EvaluationResult typed = rules.Compile().Evaluate(inputs, asOf);
            EvaluationResult traced = rules.Compile().Evaluate(inputs, asOf, trace: true);

            Assert.Equal(interpreted.Outputs, typed.Outputs);
            List<string> differences = [.. GoldenRunner.Differences(interpreted, traced)];
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        }, iter: 4000);
    }

    private const string ExactRules = """
        input service : text
        input size : integer
        define big = size >= 3
        table department
          hit unique
          input service
          output department : text
          row heat: "heat" -> "HPD"
          row parking: "parking" -> "NYPD"
          row noise: ["noise", "music"] -> "NYPD"
          row rodent: "rodent" -> "DOHMH"
          row graffiti: "graffiti" -> "DSNY"
        table priority
          hit first
          input service
          input big
          output level : integer
          row urgent: ["heat", "rodent"], true -> 1
          row heat: "heat", - -> 2
          row other_big: <> "noise", true -> 3
          row noise: "noise", - -> 4
          row parking: "parking", false -> 5
          row rest: -, - -> 6
        table tags
          hit collect
          input service
          input size
          output tag : text
          row h: "heat", - -> "housing"
          row n: ["noise", "heat"], > 1 -> "loud or hot"
          row p: "parking", [1..2] -> "small parking"
          row r: "rodent", - -> "health"
          row any: -, >= 4 -> "large"
        outputs department, priority, tags
        """;

    [Fact]
    public void ExactMatchTables_FirstColumnLookedUpOnce_AgreeWithInterpreterForEveryValueAndUnknown()
    {
        RuleSet rules = TestRules.Load(ExactRules);
        string?[] services = [null, "heat", "parking", "noise", "music", "rodent", "graffiti", "other", "", "Heat"];
        long?[] sizes = [null, 1, 2, 3, 4];

        Assert.Empty(rules.Compile().Typed.Untyped);
        Assert.Equal(["department", "priority", "tags"], rules.Compile().Typed.LookedUpTables);
        foreach (string? service in services)
        {
            foreach (long? size in sizes)
            {
                RuleInputs inputs = RuleInputs.For(rules);
                if (service is not null)
                {
                    inputs.Set("service", Value.Of(service));
                }

                if (size is { } known)
                {
                    inputs.Set("size", Value.Of(known));
                }

                EvaluationResult interpreted = rules.Evaluate(inputs, TestRules.AsOf);
                Assert.Equal(interpreted.Outputs, rules.Compile().Evaluate(inputs, TestRules.AsOf).Outputs);
            }
        }

        RuleInputs music = RuleInputs.For(rules).Set("service", Value.Of("music")).Set("size", Value.Of(5L));
        EvaluationResult result = rules.Compile().Evaluate(music, TestRules.AsOf);
        Assert.Equal(Value.Of("NYPD"), result["department"]);
        Assert.Equal(Value.Of(3L), result["priority"]);
        Assert.Equal(Value.Unknown("service", "size"),
            rules.Compile().Evaluate(RuleInputs.For(rules), TestRules.AsOf)["tags"]);
    }

    private static Value People(Random random)
    {
        List<object?> people = [.. Enumerable.Range(0, random.Next(4)).Select(_ =>
            (object?)new Dictionary<object, object?>
        {
            ["age"] = random.Next(5) == 0 ? null : random.Next(15, 25).ToString(CultureInfo.InvariantCulture),
            ["working"] = random.Next(5) == 0 ? null : random.Next(2) == 0 ? "true" : "false",
        })];
        return InputReader.Read(Slots.Value, new Dictionary<string, object?> { ["people"] = people }).Get("people")!;
    }

    private static void Maybe(Random random, RuleInputs inputs, string name, Value[] values)
    {
        if (random.Next(5) != 0)
        {
            inputs.Set(name, values[random.Next(values.Length)]);
        }
    }
}
