using System.Globalization;
using System.Text;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Tests.Language;

/// <summary>Deeply nested rule text is refused when it loads, never by overflowing the stack later.</summary>
public sealed class NestingLimitTests
{
    [Fact]
    public void Load_ThousandsOfChainedAdditions_IsALoadError()
    {
        string sum = string.Join(" + ", Enumerable.Repeat("1", 5000));

        RulesLoadException error = TestRules.LoadFails($"define result = {sum}\noutputs result");

        Assert.Equal("an expression at most 200 operations deep", Assert.Single(error.Diagnostics).Expected);
    }

    [Fact]
    public void Load_LongChainOfDefinitionsUsedBeforeDeclared_IsALoadError()
    {
        StringBuilder text = new("define result = d0\n");
        for (int i = 0; i < 3000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"define d{i} = d{i + 1} + 1\n");
        }

        text.Append("define d3000 = 0\noutputs result\n");

        RulesLoadException error = TestRules.LoadFails(text.ToString());

        Assert.Contains(error.Diagnostics, d => d.Found == "deeper nesting");
    }

    [Fact]
    public void Load_LongChainOfDefinitionsInOrder_IsALoadErrorBeforeEvaluationCouldOverflow()
    {
        StringBuilder text = new("define d0 = 0\n");
        for (int i = 1; i <= 3000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"define d{i} = d{i - 1} + 1\n");
        }

        RulesLoadException error = TestRules.LoadFails(text.Append("outputs d3000\n").ToString());

        Assert.Equal("definitions that use each other at most 400 levels deep",
            Assert.Single(error.Diagnostics).Expected);
    }

    [Fact]
    public void Evaluate_ChainOfDefinitionsJustUnderTheLimit_Works()
    {
        StringBuilder text = new("define d0 = 0\n");
        for (int i = 1; i <= 190; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"define d{i} = d{i - 1} + 1\n");
        }

        RuleSet rules = TestRules.Load(text.Append("outputs d190\n").ToString());

        Assert.Equal(Value.Of(190L), TestRules.Evaluate(rules)["d190"]);
        Assert.Equal(Value.Of(190L),
            rules.Compile().Evaluate(Evaluation.RuleInputs.For(rules), TestRules.AsOf)["d190"]);
    }
}
