using System.Collections.Immutable;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Syntax;

namespace CivicDesk.Rules.Model;

/// <summary>A decision table: input columns, output columns, rows and a hit policy.</summary>
public sealed class DecisionTable : RuleNode
{
    internal DecisionTable(string name, int index, SourcePosition position,
        ImmutableDictionary<string, string> labels, string? citation, HitPolicy hitPolicy)
        : base(name, index, position, labels, citation)
    {
        HitPolicy = hitPolicy;
    }

    public HitPolicy HitPolicy { get; }

    public ImmutableArray<string> OutputNames { get; internal set; } = [];

    public ImmutableArray<DecisionRow> Rows { get; internal set; } = [];

    internal ImmutableArray<Bound> Inputs { get; set; } = [];

    /// <summary>For the priority policy: each first-column output value's rank (0 is the highest).</summary>
    internal ImmutableDictionary<Values.Value, int> PriorityRanks { get; set; } =
        ImmutableDictionary<Values.Value, int>.Empty;
}

/// <summary>One row (rule) of a decision table.</summary>
public sealed class DecisionRow
{
    internal DecisionRow(string id, int index, SourcePosition position, ImmutableDictionary<string, string> labels,
        string? citation, ImmutableArray<BCell> cells, ImmutableArray<Bound> outputs)
    {
        Id = id;
        Index = index;
        Position = position;
        Labels = labels;
        Citation = citation;
        Cells = cells;
        Outputs = outputs;
    }

    public string Id { get; }

    public int Index { get; }

    public SourcePosition Position { get; }

    public ImmutableDictionary<string, string> Labels { get; }

    public string? Citation { get; }

    internal ImmutableArray<BCell> Cells { get; }

    internal ImmutableArray<Bound> Outputs { get; }
}
