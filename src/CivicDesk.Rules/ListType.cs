namespace CivicDesk.Rules;

/// <summary>A list whose elements all have one type.</summary>
public sealed class ListType(RuleType element) : RuleType
{
    public RuleType Element { get; } = element;

    public override string Name { get; } = "list of " + element.Name;
}
