using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// The inputs of one evaluation, by the rule set's input slots. An input never set is missing and evaluates as
/// unknown. Build it once per application; evaluating does not change it.
/// </summary>
public sealed class RuleInputs
{
    private RuleInputs(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        Slots = new Value?[ruleSet.Inputs.Length];
    }

    public RuleSet RuleSet { get; }

    internal Value?[] Slots { get; }

    public static RuleInputs For(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return new RuleInputs(ruleSet);
    }

    /// <summary>Sets an input; the value's kind must match the input's declared type.</summary>
    public RuleInputs Set(string name, Value value)
    {
        ArgumentNullException.ThrowIfNull(value);
        RuleInput input = RuleSet.Input(name) ?? throw new RuleInputException($"{name}: not an input of this rule set");
        if (value is not UnknownValue && !InputReader.Fits(value, input.Type))
        {
            throw new RuleInputException($"{name}: expected {input.Type.Name}, found {value.Canonical}");
        }

        Slots[input.Slot] = value is UnknownValue ? null : value;
        return this;
    }

    public Value? Get(string name) => RuleSet.Input(name) is { } input ? Slots[input.Slot] : null;
}
