using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Explanation;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Tests.Explanation;

public sealed class ExplainerTests
{
    private const string Rules = """
        input basis : text label "Basis" label.es "Base"
        input yearly : decimal label "Yearly income" label.es "Ingreso anual"
        input monthly : decimal label "Monthly income" label.es "Ingreso mensual"
        define income : decimal label "Income" label.es "Ingreso"
          = if basis = "monthly" then monthly * 12 else yearly
        define low : boolean label "Income is low" label.es "El ingreso es bajo" citation "Rule 1"
          = income <= 1000
        define eligible : boolean label "Eligible" label.es "Elegible" = low
        define priority : boolean label "Priority" label.es "Prioridad" = low and income < 500
        outputs eligible, priority
        """;

    [Fact]
    public void Explain_BranchNotTaken_ListsOnlyTheValuesThatWereRead()
    {
        RuleSet rules = TestRules.Load(Rules);
        RuleInputs inputs = RuleInputs.For(rules).Set("basis", Value.Of("monthly")).Set("monthly", Value.Of(50m));

        string text = Explainer.Explain(rules, inputs, rules.Evaluate(inputs, TestRules.AsOf, trace: true), "en")
            .ToString();

        Assert.Contains("Income is low: yes (Income = 600.00). Source: Rule 1.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Yearly income", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ConditionOfTwoOutputs_IsGivenUnderEachButDetailedOnce()
    {
        RuleSet rules = TestRules.Load(Rules);
        RuleInputs inputs = RuleInputs.For(rules).Set("basis", Value.Of("annual")).Set("yearly", Value.Of(700m));

        Rules.Explanation.Explanation explanation = Explainer.Explain(rules, inputs,
            rules.Evaluate(inputs, TestRules.AsOf, trace: true), "es");

        Assert.Equal(
            [
                "Elegible: sí.",
                "  El ingreso es bajo: sí (Ingreso = 700.00). Fuente: Rule 1.",
                "Prioridad: no (Ingreso = 700.00).",
                "  El ingreso es bajo: sí (Ingreso = 700.00). Fuente: Rule 1.",
            ],
            explanation.ToString().Split(Environment.NewLine));
    }
}
