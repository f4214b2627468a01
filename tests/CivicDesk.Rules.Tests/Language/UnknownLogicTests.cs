using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Tests.Language;

public sealed class UnknownLogicTests
{
    private const string Flags = "input a : boolean\ninput b : boolean\n";

    [Fact]
    public void And_FalseWithUnknown_IsFalseInEitherOrder()
    {
        Assert.Equal(Value.False, TestRules.Result(Flags + "define result = a and b", ("a", Value.False)));
        Assert.Equal(Value.False, TestRules.Result(Flags + "define result = a and b", ("b", Value.False)));
    }

    [Fact]
    public void Or_TrueWithUnknown_IsTrueInEitherOrder()
    {
        Assert.Equal(Value.True, TestRules.Result(Flags + "define result = a or b", ("a", Value.True)));
        Assert.Equal(Value.True, TestRules.Result(Flags + "define result = a or b", ("b", Value.True)));
    }

    [Fact]
    public void And_TrueWithUnknown_IsUnknownNamingTheMissingInput()
    {
        Value result = TestRules.Result(Flags + "define result = a and b", ("a", Value.True));

        Assert.Equal(Value.Unknown("b"), result);
    }

    [Fact]
    public void Arithmetic_WithUnknownOperands_IsUnknownNamingEveryMissingInput()
    {
        Value result = TestRules.Result("input x : decimal\ninput y : decimal\ndefine result = x * 12 + y");

        Assert.Equal(Value.Unknown("x", "y"), result);
    }

    [Fact]
    public void Comparison_WithUnknown_IsUnknownNotFalse()
    {
        Value result = TestRules.Result("input income : decimal\ndefine result = income <= 52350");

        Assert.Equal(Value.Unknown("income"), result);
    }

    [Fact]
    public void Not_OfUnknown_IsUnknown()
    {
        Assert.Equal(Value.Unknown("a"), TestRules.Result(Flags + "define result = not a"));
    }

    [Fact]
    public void If_WithUnknownCondition_IsUnknownAndLeavesBranchesNotEvaluated()
    {
        RuleSet rules = TestRules.Load(Flags + "define yes = 1\ndefine no = 2\n"
            + "define result = if a then yes else no\noutputs result");

        Evaluation.EvaluationResult result = TestRules.Evaluate(rules);

        Assert.Equal(Value.Unknown("a"), result["result"]);
        Assert.Equal(Evaluation.TraceStatus.NotEvaluated, result.Trace!.Find("yes")!.Status);
        Assert.Equal(Evaluation.TraceStatus.NotEvaluated, result.Trace.Find("no")!.Status);
    }

    [Fact]
    public void And_ShortCircuited_LeavesTheRightDefinitionNotEvaluated()
    {
        RuleSet rules = TestRules.Load(Flags + "define right = b\ndefine result = a and right\noutputs result");

        Evaluation.EvaluationResult result = TestRules.Evaluate(rules, ("a", Value.False), ("b", Value.True));

        Assert.Equal(Evaluation.TraceStatus.False, result.Trace!.Find("result")!.Status);
        Assert.Equal(Evaluation.TraceStatus.NotEvaluated, result.Trace.Find("right")!.Status);
    }

    [Fact]
    public void Result_DependingOnUnknown_CannotDecideYetAndListsTheInputsNeeded()
    {
        RuleSet rules = TestRules.Load("input income : decimal\ninput size : integer\n"
            + "define result = income <= 1000 and size < 4\noutputs result");

        Evaluation.EvaluationResult result = TestRules.Evaluate(rules, ("size", Value.Of(2L)));

        Assert.True(result.CannotDecideYet);
        Assert.Equal(["income"], result.NeededInputs);
    }
}
