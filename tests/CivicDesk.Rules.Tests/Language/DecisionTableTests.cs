using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Tests.Language;

public sealed class DecisionTableTests
{
    private const string Inputs = "input kind : text\ninput size : integer\n";

    [Fact]
    public void UniqueTable_OneMatchingRow_GivesItsOutputs()
    {
        RuleSet rules = TestRules.Load(Inputs + """
            table result
              hit unique
              input kind
              input size
              output team : text
              output urgency : integer
              row small: "noise", < 3 -> "police", 2
              row large: "noise", >= 3 -> "police", 1
              row other: "heat", - -> "housing", 1
            outputs result
            """);

        EvaluationResult result = TestRules.Evaluate(rules, ("kind", Value.Of("noise")), ("size", Value.Of(5L)));

        Assert.Equal("{team: \"police\", urgency: 1}", result["result"].Canonical);
        Assert.Equal(TraceStatus.False, result.Trace!.Find("result", "small")!.Status);
        Assert.Equal(TraceStatus.True, result.Trace.Find("result", "large")!.Status);
    }

    [Fact]
    public void UniqueTable_OverlappingRows_FailsTheLoadNamingBothRows()
    {
        RulesLoadException error = TestRules.LoadFails(Inputs + """
            table result
              hit unique
              input size
              output team : text
              row a: [1..5] -> "x"
              row b: >= 5 -> "y"
            outputs result
            """);

        RuleDiagnostic diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("rows that do not overlap in a unique table", diagnostic.Expected);
        Assert.Equal("rows a and b both matching size = 5", diagnostic.Found);
        Assert.Equal(9, diagnostic.Position.Line);
    }

    [Fact]
    public void CompleteTable_WithAGap_FailsTheLoadNamingTheUncoveredInputs()
    {
        RulesLoadException error = TestRules.LoadFails(Inputs + """
            table result
              hit first
              complete
              input kind
              input size
              output team : text
              row a: "noise", - -> "x"
              row b: -, [1..8] -> "y"
            outputs result
            """);

        Assert.Equal("no row for kind = any other value, size = below 1", Assert.Single(error.Diagnostics).Found);
    }

    [Fact]
    public void CompleteTable_CoveringEverything_Loads()
    {
        RuleSet rules = TestRules.Load(Inputs + """
            table result
              hit unique
              complete
              input size
              output band : text
              row none: < 1 -> "none"
              row some: [1..8] -> "some"
              row many: > 8 -> "many"
            outputs result
            """);

        Assert.Equal(Value.Of("many"), TestRules.Evaluate(rules, ("size", Value.Of(9L)))["result"]);
    }

    [Fact]
    public void FirstTable_UnknownBeforeAHit_IsUnknownAndLaterRowsAreNotEvaluated()
    {
        RuleSet rules = TestRules.Load(Inputs + """
            table result
              hit first
              input size
              input kind
              output team : text
              row a: -, "noise" -> "x"
              row b: -, - -> "y"
            outputs result
            """);

        EvaluationResult result = TestRules.Evaluate(rules, ("size", Value.Of(1L)));

        Assert.Equal(Value.Unknown("kind"), result["result"]);
        Assert.Equal(TraceStatus.Unknown, result.Trace!.Find("result", "a")!.Status);
        Assert.Equal(TraceStatus.NotEvaluated, result.Trace.Find("result", "b")!.Status);
    }

    [Fact]
    public void PriorityTable_TakesTheHighestPriorityMatch()
    {
        RuleSet rules = TestRules.Load(Inputs + """
            table result
              hit priority
              input size
              output level : text order "high", "medium", "low"
              row a: > 0 -> "low"
              row b: > 5 -> "high"
              row c: > 2 -> "medium"
            outputs result
            """);

        Assert.Equal(Value.Of("high"), TestRules.Evaluate(rules, ("size", Value.Of(6L)))["result"]);
        Assert.Equal(Value.Of("medium"), TestRules.Evaluate(rules, ("size", Value.Of(3L)))["result"]);
    }

    [Fact]
    public void CollectTables_ListAndSumTheMatchingRows()
    {
        RuleSet rules = TestRules.Load(Inputs + """
            table reasons
              hit collect
              input size
              output reason : text
              row big: > 3 -> "big"
              row odd: [1, 3, 5, 7] -> "odd"
              row any: - -> "any"
            table score
              hit collect sum
              input size
              output points : decimal
              row big: > 3 -> 2.5
              row odd: [1, 3, 5, 7] -> 1
            outputs reasons, score
            """);

        EvaluationResult result = TestRules.Evaluate(rules, ("size", Value.Of(5L)));

        Assert.Equal("[\"big\", \"odd\", \"any\"]", result["reasons"].Canonical);
        Assert.Equal(Value.Of(3.5m), result["score"]);
    }

    [Fact]
    public void Table_CellOfTheWrongType_IsATypeError()
    {
        RulesLoadException error = TestRules.LoadFails(Inputs + """
            table result
              hit first
              input size
              output team : text
              row a: "three" -> "x"
            outputs result
            """);

        Assert.Equal("text", Assert.Single(error.Diagnostics).Found);
    }
}
