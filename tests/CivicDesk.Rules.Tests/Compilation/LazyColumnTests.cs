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
/// Without trace, a decision table reads a column after the first (a definition or an input) only where a row reaches
/// a cell that needs it, so that a first column that rules the rows out spares the other columns' work. These tests
/// show which definitions an untraced evaluation computes, and that the answers, unknowns included, stay the
/// interpreter's (whose trace still shows every column evaluated); and that the frame's stamps, which replace
/// clearing the typed slots, never take an old slot for a new evaluation.
/// </summary>
public sealed class LazyColumnTests
{
    private const string GateRules = """
        input open : boolean
        input x : decimal
        input kind : text
        input n : integer
        define costly = x * 3 > 100
        define many = n >= 3
        table reasons
          hit collect
          input open
          input costly
          input kind
          input many
          output reason : text
          row c: true, true, -, - -> "costly"
          row k: true, -, ["a", "b"], - -> "kind"
          row m: true, -, -, true -> "many"
        table level
          hit first
          input open
          input many
          input costly
          output level : integer
          row shut: false, -, - -> 0
          row both: true, true, true -> 3
          row some: true, true, - -> 2
          row rest: -, -, - -> 1
        table unique_gate
          hit unique
          input open
          input costly
          output label : text
          row yes: true, true -> "open and costly"
          row no: true, false -> "open, not costly"
          row shut: false, - -> "shut"
        outputs reasons, level, unique_gate
        """;

    private static readonly Lazy<RuleSet> Gate = new(() => TestRules.Load(GateRules));

    private static readonly Lazy<RuleSet> Era = new(() =>
    {
        string path = RepositoryPaths.Samples("rules", "era.golden.yaml");
        return GoldenYaml.LoadRules(path, GoldenYaml.Read(path));
    });

    [Fact]
    public void GateTables_FirstColumnFalse_LaterColumnsDefinitionsAreNotComputed()
    {
        RuleSet rules = Gate.Value;
        CompiledRuleSet compiled = rules.Compile();
        RuleInputs shut = RuleInputs.For(rules).Set("open", Value.False).Set("x", Value.Of(50m))
            .Set("kind", Value.Of("a")).Set("n", Value.Of(4L));

        EvaluationResult result = compiled.Evaluate(shut, TestRules.AsOf);

        Assert.Equal("[]", result["reasons"].Canonical);
        Assert.Equal(Value.Of(0L), result["level"]);
        Assert.Equal(Value.Of("shut"), result["unique_gate"]);
        Assert.Empty(compiled.LastTypedEvaluated());
        Assert.Equal(rules.Evaluate(shut, TestRules.AsOf).Outputs, result.Outputs);
    }

    [Fact]
    public void GateTables_FirstColumnTrue_LaterColumnsComputedOnceAsNeeded()
    {
        RuleSet rules = Gate.Value;
        CompiledRuleSet compiled = rules.Compile();
        RuleInputs open = RuleInputs.For(rules).Set("open", Value.True).Set("x", Value.Of(50m))
            .Set("kind", Value.Of("c")).Set("n", Value.Of(1L));

        EvaluationResult result = compiled.Evaluate(open, TestRules.AsOf);

        Assert.Equal("[\"costly\"]", result["reasons"].Canonical);
        Assert.Equal(Value.Of(1L), result["level"]);
        Assert.Equal(Value.Of("open and costly"), result["unique_gate"]);
        Assert.Equal(["costly", "many"], compiled.LastTypedEvaluated());
        Assert.Equal(rules.Evaluate(open, TestRules.AsOf).Outputs, result.Outputs);
    }

    [Fact]
    public void GateTables_UnknownFirstColumn_LaterColumnsStillDecideAsTheInterpreter()
    {
        RuleSet rules = Gate.Value;
        RuleInputs inputs = RuleInputs.For(rules).Set("x", Value.Of(10m)).Set("kind", Value.Of("z"));

        EvaluationResult result = rules.Compile().Evaluate(inputs, TestRules.AsOf);

        // Every row is false on its later columns except "many", whose n is missing too.
        Assert.Equal(Value.Unknown("n", "open"), result["reasons"]);
        Assert.Equal(Value.Unknown("open"), result["level"]);
        Assert.Equal(rules.Evaluate(inputs, TestRules.AsOf).Outputs, result.Outputs);
    }

    [Fact]
    public void GateTables_GeneratedInputsWithUnknowns_AgreeWithInterpreterAndTrace()
    {
        RuleSet rules = Gate.Value;
        Value[] decimals =
            [Value.Of(0m), Value.Of(33.33m), Value.Of(33.34m), Value.Of(50m), Value.Of(decimal.MaxValue)];
        Value[] integers = [Value.Of(0L), Value.Of(2L), Value.Of(3L), Value.Of(long.MaxValue)];
        Value[] texts = [Value.Of("a"), Value.Of("b"), Value.Of("c"), Value.Of("")];

        Gen.Int.Sample(seed =>
        {
            Random random = new(seed);
            RuleInputs inputs = RuleInputs.For(rules);
            Maybe(random, inputs, "open", [Value.True, Value.False]);
            Maybe(random, inputs, "x", decimals);
            Maybe(random, inputs, "kind", texts);
            Maybe(random, inputs, "n", integers);

            EvaluationResult interpreted = rules.Evaluate(inputs, TestRules.AsOf, trace: true);
            EvaluationResult typed = rules.Compile().Evaluate(inputs, TestRules.AsOf);
            EvaluationResult traced = rules.Compile().Evaluate(inputs, TestRules.AsOf, trace: true);

            Assert.Equal(interpreted.Outputs, typed.Outputs);
            List<string> differences = [.. GoldenRunner.Differences(interpreted, traced)];
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        }, iter: 2000);
    }

    [Fact]
    public void EraRules_IneligibleHouseholdUnderHalfTheLimit_NoReasonsAndNoPriorityWorkWithoutTrace()
    {
        RuleSet rules = Era.Value;
        CompiledRuleSet compiled = rules.Compile();
        RuleInputs ineligible = EraInputs(rules, obligated: false);

        EvaluationResult result = compiled.Evaluate(ineligible, TestRules.AsOf);

        Assert.Equal(Value.False, result["eligible"]);
        Assert.Equal("[]", result["priority_reasons"].Canonical);
        Assert.DoesNotContain("income_at_or_below_50", compiled.LastTypedEvaluated());
        Assert.DoesNotContain("very_low_income_limit", compiled.LastTypedEvaluated());
        Assert.DoesNotContain("member_unemployed_90_days", compiled.LastTypedEvaluated());
        EvaluationResult interpreted = rules.Evaluate(ineligible, TestRules.AsOf, trace: true);
        Assert.Equal(interpreted.Outputs, result.Outputs);
        Assert.Equal(TraceStatus.True, interpreted.Trace!.Find("income_at_or_below_50")!.Status);
    }

    [Fact]
    public void EraRules_EligibleHouseholdUnderHalfTheLimit_GivesTheReasonAfterTheSameWork()
    {
        RuleSet rules = Era.Value;
        CompiledRuleSet compiled = rules.Compile();
        RuleInputs eligible = EraInputs(rules, obligated: true);

        EvaluationResult result = compiled.Evaluate(eligible, TestRules.AsOf);

        Assert.Equal(Value.True, result["prioritised"]);
        Assert.Equal("[\"very_low_income\"]", result["priority_reasons"].Canonical);
        Assert.Contains("income_at_or_below_50", compiled.LastTypedEvaluated());
        Assert.Contains("member_unemployed_90_days", compiled.LastTypedEvaluated());
        Assert.Equal(rules.Evaluate(eligible, TestRules.AsOf).Outputs, result.Outputs);
    }

    [Fact]
    public void FrameStamps_NumberingStartsAgain_AStampFromBeforeIsNotTakenForTheNewEvaluation()
    {
        RuleSet rules = TestRules.Load("input x : decimal\ndefine doubled = x * 2\noutputs doubled\n");
        CompiledRuleSet compiled = rules.Compile();
        Frame frame = new(compiled);
        Func<Frame, Value> doubled = compiled.Typed.Outputs[0];

        frame.Start(RuleInputs.For(rules).Set("x", Value.Of(2m)).Slots, TestRules.AsOf, trace: false);
        Assert.Equal(Value.Of(4m), doubled(frame));
        frame.Finish();
        frame.SkipEvaluations(int.MaxValue - 1);
        frame.Start(RuleInputs.For(rules).Slots, TestRules.AsOf, trace: false);
        frame.Finish();
        frame.Start(RuleInputs.For(rules).Slots, TestRules.AsOf, trace: false);

        // Evaluation 1 again: the slot stamped 1 long ago must not answer for it.
        Assert.Equal(1, frame.Generation);
        Assert.Equal(Value.Unknown("x"), doubled(frame));
        frame.Finish();
    }

    private static RuleInputs EraInputs(RuleSet rules, bool obligated) => RuleInputs.For(rules)
        .Set("obligated_to_pay_rent", Value.Of(obligated))
        .Set("qualified_for_unemployment", Value.False)
        .Set("covid_financial_hardship", Value.True)
        .Set("housing_instability_risk", Value.True)
        .Set("county_fips", Value.Of("3606199999"))
        .Set("household_size", Value.Of(4L))
        .Set("income_basis", Value.Of("annual"))
        .Set("annual_income", Value.Of(50_000m))
        .Set("application_date", Value.Of(new LocalDate(2025, 6, 2)))
        .Set("members", new ListValue([]));

    private static void Maybe(Random random, RuleInputs inputs, string name, Value[] values)
    {
        if (random.Next(4) != 0)
        {
            inputs.Set(name, values[random.Next(values.Length)]);
        }
    }
}
