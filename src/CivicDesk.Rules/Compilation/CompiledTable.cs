using System.Collections.Immutable;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Compilation;

/// <summary>A decision table with its columns, cell values and row outputs compiled to delegates.</summary>
internal sealed record CompiledTable(
    DecisionTable Table,
    ImmutableArray<Func<Frame, Value>> Columns,
    ImmutableArray<ImmutableArray<CompiledCell>> Cells,
    ImmutableArray<ImmutableArray<Func<Frame, Value>>> Outputs);

/// <summary>
/// One compiled cell: its kind and the delegates giving the value(s) it compares with. When every one of those
/// values is a literal (the usual case), Constants holds them and no delegate is called.
/// </summary>
internal sealed record CompiledCell(BCell Cell, ImmutableArray<Func<Frame, Value>> Values, Value[]? Constants)
{
    public Value ValueAt(Frame frame, int index) =>
        Constants is { } constants ? constants[index] : Values[index](frame);
}
