namespace CivicDesk.Rules.Compilation;

/// <summary>A rule set compiled to delegates.</summary>
public sealed class CompiledRuleSet
{
    internal CompiledRuleSet(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
    }

    public RuleSet RuleSet { get; }
}
