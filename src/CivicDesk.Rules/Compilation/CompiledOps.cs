using System.Collections.Immutable;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// The run-time helpers compiled expression trees call. Control flow that the trees do not spell out themselves
/// (list folds and tables) runs here over compiled delegates, with the same rules as the interpreter.
/// </summary>
internal static class CompiledOps
{
    public static Value Input(Frame frame, int slot) =>
        frame.Inputs[slot] ?? frame.Program.RuleSet.MissingInputs[slot];

    public static Value Parameter(Frame frame, int index) =>
        frame.Program.RuleSet.Parameters[index].ValueOn(frame.AsOf);

    public static Value Lookup(Frame frame, int index, Value[] keys)
    {
        Value unknown = Value.True;
        foreach (Value key in keys)
        {
            unknown = key is UnknownValue ? Semantics.MergeUnknown(unknown, key) : unknown;
        }

        return unknown is UnknownValue ? unknown : frame.Program.RuleSet.Parameters[index].Lookup(frame.AsOf, keys);
    }

    public static Value AsOf(Frame frame) => Value.Of(frame.AsOf);

    public static Value Node(Frame frame, int index)
    {
        if (frame.Nodes[index] is { } known)
        {
            return known;
        }

        Value value = frame.Program.Nodes[index](frame);
        frame.Nodes[index] = value;
        frame.Trace?.Node(index, value);
        return value;
    }

    public static bool IsFalse(Value value) => value is BooleanValue { Value: false };

    public static bool IsTrue(Value value) => value is BooleanValue { Value: true };

    /// <summary>The rest of Kleene "and" once the left side was not false.</summary>
    public static Value AndRest(Value left, Value right)
    {
        if (IsFalse(right))
        {
            return right;
        }

        return left is UnknownValue || right is UnknownValue ? Semantics.MergeUnknown(left, right) : Value.True;
    }

    /// <summary>The rest of Kleene "or" once the left side was not true.</summary>
    public static Value OrRest(Value left, Value right)
    {
        if (IsTrue(right))
        {
            return right;
        }

        return left is UnknownValue || right is UnknownValue ? Semantics.MergeUnknown(left, right) : Value.False;
    }

    public static Value InItems(Value value, Value[] items) => Interpreter.AnyEqual(value, items);

    public static Value InList(Value value, Value list) =>
        list is ListValue items
            ? Interpreter.AnyEqual(value, items.Items.AsSpan())
            : Semantics.MergeUnknown(value, list);

    public static Value MakeList(Value[] items) => new ListValue([.. items]);

    public static Value Call(Function function, Value[] arguments) => Semantics.Call(function, arguments);

    public static Value Aggregate(Frame frame, Value list, BAggregate aggregate, Func<Frame, Value>? body)
    {
        if (list is not ListValue items)
        {
            return list;
        }

        Value state = AggregateRules.Start(aggregate);
        foreach (Value item in items.Items)
        {
            Value element = item;
            if (body is not null)
            {
                frame.Locals[aggregate.Slot] = item;
                element = body(frame);
            }

            state = AggregateRules.Step(aggregate.Kind, state, element);
            if (AggregateRules.IsSettled(aggregate.Kind, state))
            {
                break;
            }
        }

        return AggregateRules.Finish(aggregate.Kind, state);
    }

    public static Value Table(Frame frame, CompiledTable compiled)
    {
        DecisionTable table = compiled.Table;
        Value[] columns = new Value[compiled.Columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = compiled.Columns[i](frame);
        }

        List<(DecisionRow Row, Value Matched)> results = [];
        foreach (DecisionRow row in table.Rows)
        {
            Value matched = Match(frame, compiled.Cells[row.Index], columns);
            frame.Trace?.Row(table.Index, row.Index, matched);
            results.Add((row, matched));
            if (table.HitPolicy == HitPolicy.First && !IsFalse(matched))
            {
                break;
            }
        }

        return TableRules.Decide(table, results, (t, r) => RowValue(frame, compiled, r));
    }

    private static Value RowValue(Frame frame, CompiledTable compiled, DecisionRow row)
    {
        ImmutableArray<Func<Frame, Value>> outputs = compiled.Outputs[row.Index];
        if (outputs.Length == 1)
        {
            return outputs[0](frame);
        }

        return new RecordValue(compiled.Table.OutputNames, [.. outputs.Select(o => o(frame))]);
    }

    private static Value Match(Frame frame, ImmutableArray<CompiledCell> cells, Value[] columns)
    {
        Value result = Value.True;
        for (int i = 0; i < columns.Length; i++)
        {
            Value cell = Cell(frame, cells[i], columns[i]);
            if (IsFalse(cell))
            {
                return cell;
            }

            result = cell is UnknownValue ? Semantics.MergeUnknown(result, cell) : result;
        }

        return result;
    }

    private static Value Cell(Frame frame, CompiledCell cell, Value input) => cell.Cell switch
    {
        BAnyCell => Value.True,
        BCompareCell compare => Semantics.Binary(compare.Op, input, cell.Values[0](frame)),
        BListCell => Interpreter.AnyEqual(input, cell.Values.Select(v => v(frame)).ToArray()),
        BRangeCell => Interpreter.Between(input, cell.Values[0](frame), cell.Values[1](frame)),
        _ => UnknownValue.None,
    };
}
