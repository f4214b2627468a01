using System.Collections.Immutable;
using CivicDesk.Rules.Syntax;

namespace CivicDesk.Rules.Model;

/// <summary>
/// A named decision of a rule set: a definition or a decision table. Nodes are numbered in written order; the
/// trace has one entry per node.
/// </summary>
public abstract class RuleNode
{
    private protected RuleNode(string name, int index, SourcePosition position,
        ImmutableDictionary<string, string> labels, string? citation)
    {
        Name = name;
        Index = index;
        Position = position;
        Labels = labels;
        Citation = citation;
    }

    public string Name { get; }

    public int Index { get; }

    public SourcePosition Position { get; }

    public ImmutableDictionary<string, string> Labels { get; }

    public string? Citation { get; }

    public RuleType Type { get; internal set; } = RuleType.Boolean;

    /// <summary>The inputs, parameters and nodes this node reads directly, in the order first written.</summary>
    public ImmutableArray<string> References { get; internal set; } = [];
}
