using System.Collections.Immutable;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Evaluation;

internal sealed partial class Interpreter
{
    private Value Aggregate(BAggregate aggregate)
    {
        if (Eval(aggregate.List) is not ListValue list)
        {
            return Eval(aggregate.List);
        }

        Value state = AggregateRules.Start(aggregate);
        foreach (Value item in list.Items)
        {
            Value element = item;
            if (aggregate.Body is not null)
            {
                _locals[aggregate.Slot] = item;
                element = Eval(aggregate.Body);
            }

            state = AggregateRules.Step(aggregate.Kind, state, element);
            if (AggregateRules.IsSettled(aggregate.Kind, state))
            {
                break;
            }
        }

        return AggregateRules.Finish(aggregate.Kind, state);
    }

    private Value Table(DecisionTable table)
    {
        Value[] columns = [.. table.Inputs.Select(Eval)];
        Value[] matches = new Value[table.Rows.Length];
        int count = 0;
        foreach (DecisionRow row in table.Rows)
        {
            Value matched = Match(row, columns);
            _trace?.Row(table.Index, row.Index, matched);
            matches[count++] = matched;
            if (table.HitPolicy == HitPolicy.First && matched is not BooleanValue { Value: false })
            {
                break;
            }
        }

        return TableRules.Decide(table, matches.AsSpan(0, count), new Rows(this));
    }

    private Value RowValue(DecisionTable table, DecisionRow row)
    {
        ImmutableArray<Value> outputs = [.. row.Outputs.Select(Eval)];
        return outputs.Length == 1 ? outputs[0] : new RecordValue(table.OutputNames, outputs);
    }

    /// <summary>Kleene "and" of the row's cells, left to right, stopping at the first cell that is false.</summary>
    private Value Match(DecisionRow row, Value[] columns)
    {
        Value result = Value.True;
        for (int i = 0; i < columns.Length; i++)
        {
            Value cell = Cell(row.Cells[i], columns[i]);
            if (cell is BooleanValue { Value: false })
            {
                return cell;
            }

            result = cell is UnknownValue ? Semantics.MergeUnknown(result, cell) : result;
        }

        return result;
    }

    private Value Cell(BCell cell, Value input) => cell switch
    {
        BAnyCell => Value.True,
        BCompareCell compare => Semantics.Binary(compare.Op, input, Eval(compare.Value)),
        BListCell list => AnyEqual(input, list.Items.Select(Eval).ToArray()),
        BRangeCell range => Between(input, Eval(range.Low), Eval(range.High)),
        _ => UnknownValue.None,
    };

    /// <summary>Row outputs for <see cref="TableRules"/>, evaluated by this interpreter.</summary>
    private readonly struct Rows(Interpreter interpreter) : IRowValues
    {
        public Value RowValue(DecisionTable table, DecisionRow row) => interpreter.RowValue(table, row);
    }
}
