using System.Collections.Immutable;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// The shape of every trace of one rule set, worked out once: where each table's rows sit, how many entries a
/// trace has, and the entries that carry no value of their own (not evaluated, true, false, and every row status),
/// which are immutable and so shared by all traces instead of being made again per evaluation.
/// </summary>
internal sealed class TraceLayout
{
    private static readonly int StatusCount = Enum.GetValues<TraceStatus>().Length;

    private readonly TraceEntry[] _notEvaluated;
    private readonly TraceEntry[] _true;
    private readonly TraceEntry[] _false;
    private readonly TraceEntry[] _rows;

    public TraceLayout(ImmutableArray<RuleNode> nodes)
    {
        Nodes = nodes;
        int[] rowStarts = new int[nodes.Length];
        int rowCount = 0;
        foreach (RuleNode node in nodes)
        {
            rowStarts[node.Index] = rowCount;
            rowCount += node is DecisionTable table ? table.Rows.Length : 0;
        }

        RowStarts = rowStarts;
        RowCount = rowCount;
        EntryCount = nodes.Length + rowCount;
        _notEvaluated = [.. nodes.Select(n => new TraceEntry(n.Name, null, TraceStatus.NotEvaluated, null))];
        _true = [.. nodes.Select(n => new TraceEntry(n.Name, null, TraceStatus.True, Value.True))];
        _false = [.. nodes.Select(n => new TraceEntry(n.Name, null, TraceStatus.False, Value.False))];
        _rows = new TraceEntry[rowCount * StatusCount];
        foreach (DecisionTable table in nodes.OfType<DecisionTable>())
        {
            foreach (DecisionRow row in table.Rows)
            {
                for (int status = 0; status < StatusCount; status++)
                {
                    _rows[((rowStarts[table.Index] + row.Index) * StatusCount) + status] =
                        new TraceEntry(table.Name, row.Id, (TraceStatus)status, null);
                }
            }
        }
    }

    public ImmutableArray<RuleNode> Nodes { get; }

    /// <summary>Per node, the position of its first row among all tables' rows (tables only).</summary>
    public int[] RowStarts { get; }

    public int RowCount { get; }

    public int EntryCount { get; }

    /// <summary>The entry of a definition or table: shared when it has no value or a boolean one.</summary>
    public TraceEntry NodeEntry(int node, Value? value) => value switch
    {
        null => _notEvaluated[node],
        BooleanValue { Value: true } => _true[node],
        BooleanValue => _false[node],
        _ => new TraceEntry(Nodes[node].Name, null, TraceEntry.StatusOf(value), value),
    };

    /// <summary>The (shared) entry of one table row with its status; row is the position among all rows.</summary>
    public TraceEntry RowEntry(int row, TraceStatus status) => _rows[(row * StatusCount) + (int)status];
}
