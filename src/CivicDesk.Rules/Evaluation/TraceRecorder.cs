using System.Runtime.InteropServices;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Evaluation;

/// <summary>Collects node values and row statuses during one evaluation, then lays them out as a trace.</summary>
internal sealed class TraceRecorder
{
    private readonly TraceLayout _layout;
    private readonly Value?[] _values;
    private readonly TraceStatus[] _rows;

    public TraceRecorder(TraceLayout layout)
    {
        _layout = layout;
        _values = new Value?[layout.Nodes.Length];
        _rows = new TraceStatus[layout.RowCount];
    }

    /// <summary>Forgets what was recorded, to record another evaluation.</summary>
    public void Clear()
    {
        Array.Clear(_values);
        Array.Clear(_rows);
    }

    public void Node(int index, Value value) => _values[index] = value;

    public void Row(int table, int row, Value matched) =>
        _rows[_layout.RowStarts[table] + row] = TraceEntry.StatusOf(matched);

    public Trace Build()
    {
        TraceEntry[] entries = new TraceEntry[_layout.EntryCount];
        int next = 0;
        foreach (RuleNode node in _layout.Nodes)
        {
            entries[next++] = _layout.NodeEntry(node.Index, _values[node.Index]);
            if (node is DecisionTable table)
            {
                int start = _layout.RowStarts[node.Index];
                for (int row = 0; row < table.Rows.Length; row++)
                {
                    entries[next++] = _layout.RowEntry(start + row, _rows[start + row]);
                }
            }
        }

        return new Trace(ImmutableCollectionsMarshal.AsImmutableArray(entries));
    }
}
