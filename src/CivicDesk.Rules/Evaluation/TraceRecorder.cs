using System.Collections.Immutable;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Evaluation;

/// <summary>Collects node values and row statuses during one evaluation, then lays them out as a trace.</summary>
internal sealed class TraceRecorder
{
    private readonly ImmutableArray<RuleNode> _nodes;
    private readonly Value?[] _values;
    private readonly TraceStatus[][] _rows;

    public TraceRecorder(ImmutableArray<RuleNode> nodes)
    {
        _nodes = nodes;
        _values = new Value?[nodes.Length];
        _rows = [.. nodes.Select(n => n is DecisionTable t ? new TraceStatus[t.Rows.Length] : [])];
    }

    public void Node(int index, Value value) => _values[index] = value;

    public void Row(int table, int row, Value matched) => _rows[table][row] = TraceEntry.StatusOf(matched);

    public Trace Build()
    {
        List<TraceEntry> entries = new(_nodes.Length);
        foreach (RuleNode node in _nodes)
        {
            Value? value = _values[node.Index];
            TraceStatus status = value is null ? TraceStatus.NotEvaluated : TraceEntry.StatusOf(value);
            entries.Add(new TraceEntry(node.Name, null, status, value));
            if (node is DecisionTable table)
            {
                entries.AddRange(table.Rows.Select(r =>
                    new TraceEntry(node.Name, r.Id, _rows[node.Index][r.Index], null)));
            }
        }

        return new Trace([.. entries]);
    }
}
