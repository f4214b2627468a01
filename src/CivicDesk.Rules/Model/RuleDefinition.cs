using System.Collections.Immutable;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Syntax;

namespace CivicDesk.Rules.Model;

/// <summary>A named, typed expression.</summary>
public sealed class RuleDefinition : RuleNode
{
    internal RuleDefinition(string name, int index, SourcePosition position,
        ImmutableDictionary<string, string> labels, string? citation, string? unit)
        : base(name, index, position, labels, citation)
    {
        Unit = unit;
    }

    public string? Unit { get; }

    internal Bound Body { get; set; } = new BLiteral(RuleType.Boolean, Values.Value.False);
}
