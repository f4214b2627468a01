using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// The run-time helpers compiled expression trees call. Control flow that the trees do not spell out themselves
/// (list folds and tables) runs here over compiled delegates, with the same rules as the interpreter. Helpers for
/// operators of a known operand type take the short way when both operands have that type and are known, and
/// otherwise hand over to <see cref="Semantics"/>, so they can never disagree with it.
/// </summary>
internal static class CompiledOps
{
    public static Value Lookup(Frame frame, RuleParameter parameter, Value[] keys) =>
        LookupKeys(frame, parameter, keys);

    public static Value Lookup1(Frame frame, RuleParameter parameter, Value key) =>
        LookupKeys(frame, parameter, [key]);

    public static Value Lookup2(Frame frame, RuleParameter parameter, Value key1, Value key2) =>
        LookupKeys(frame, parameter, [key1, key2]);

    public static Value Lookup3(Frame frame, RuleParameter parameter, Value key1, Value key2, Value key3) =>
        LookupKeys(frame, parameter, [key1, key2, key3]);

    private static Value LookupKeys(Frame frame, RuleParameter parameter, ReadOnlySpan<Value> keys)
    {
        Value unknown = Value.True;
        foreach (Value key in keys)
        {
            unknown = key is UnknownValue ? Semantics.MergeUnknown(unknown, key) : unknown;
        }

        return unknown is UnknownValue ? unknown : parameter.Lookup(frame.AsOf, keys);
    }

    public static Value AsOf(Frame frame) => frame.AsOfValue;

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

    /// <summary>A node of the untraced program that is not typed (a table, list, record or duration).</summary>
    public static Value BoxedNode(Frame frame, int index, Func<Frame, Value>[] bodies)
    {
        if (frame.Nodes[index] is { } known)
        {
            return known;
        }

        Value value = bodies[index](frame);
        frame.Nodes[index] = value;
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

    public static Value Binary(BinaryOp op, Value left, Value right) => Semantics.Binary(op, left, right);

    public static Value CompareDecimal(BinaryOp op, Value left, Value right) =>
        left is DecimalValue a && right is DecimalValue b
            ? Value.Of(Holds(op, a.Value.CompareTo(b.Value)))
            : Semantics.Binary(op, left, right);

    public static Value CompareInteger(BinaryOp op, Value left, Value right) =>
        left is IntegerValue a && right is IntegerValue b
            ? Value.Of(Holds(op, a.Value.CompareTo(b.Value)))
            : Semantics.Binary(op, left, right);

    public static Value CompareDate(BinaryOp op, Value left, Value right)
    {
        if (left is not DateValue a || right is not DateValue b)
        {
            return Semantics.Binary(op, left, right);
        }

        return op switch
        {
            BinaryOp.Equal => Value.Of(a.Value == b.Value),
            BinaryOp.NotEqual => Value.Of(a.Value != b.Value),
            _ => Value.Of(Holds(op, a.Value.CompareTo(b.Value))),
        };
    }

    public static Value CompareText(BinaryOp op, Value left, Value right)
    {
        if (left is not TextValue a || right is not TextValue b)
        {
            return Semantics.Binary(op, left, right);
        }

        return op switch
        {
            BinaryOp.Equal => Value.Of(string.Equals(a.Value, b.Value, StringComparison.Ordinal)),
            BinaryOp.NotEqual => Value.Of(!string.Equals(a.Value, b.Value, StringComparison.Ordinal)),
            _ => Value.Of(Holds(op, string.CompareOrdinal(a.Value, b.Value))),
        };
    }

    public static Value CompareBoolean(BinaryOp op, Value left, Value right) =>
        left is BooleanValue a && right is BooleanValue b
            ? Value.Of(Holds(op, a.Value.CompareTo(b.Value)))
            : Semantics.Binary(op, left, right);

    /// <summary>Whether a comparison holds given the sign of left compared with right.</summary>
    private static bool Holds(BinaryOp op, int order) => op switch
    {
        BinaryOp.Equal => order == 0,
        BinaryOp.NotEqual => order != 0,
        BinaryOp.Less => order < 0,
        BinaryOp.LessOrEqual => order <= 0,
        BinaryOp.Greater => order > 0,
        BinaryOp.GreaterOrEqual => order >= 0,
        _ => false,
    };

    /// <summary>Decimal add, subtract, multiply or divide; overflow and division by zero give unknown.</summary>
    public static Value ArithmeticDecimal(BinaryOp op, Value left, Value right)
    {
        if (left is not DecimalValue a || right is not DecimalValue b)
        {
            return Semantics.Binary(op, left, right);
        }

        try
        {
            return Value.Of(op switch
            {
                BinaryOp.Add => a.Value + b.Value,
                BinaryOp.Subtract => a.Value - b.Value,
                BinaryOp.Multiply => a.Value * b.Value,
                _ => a.Value / b.Value,
            });
        }
        catch (Exception exception) when (exception is OverflowException or DivideByZeroException)
        {
            return UnknownValue.None;
        }
    }

    /// <summary>Integer add, subtract or multiply (not divide); overflow gives unknown.</summary>
    public static Value ArithmeticInteger(BinaryOp op, Value left, Value right)
    {
        if (left is not IntegerValue a || right is not IntegerValue b)
        {
            return Semantics.Binary(op, left, right);
        }

        try
        {
            return Value.Of(op switch
            {
                BinaryOp.Add => checked(a.Value + b.Value),
                BinaryOp.Subtract => checked(a.Value - b.Value),
                _ => checked(a.Value * b.Value),
            });
        }
        catch (OverflowException)
        {
            return UnknownValue.None;
        }
    }

    public static Value InItems(Value value, Value[] items) => Interpreter.AnyEqual(value, items);

    public static Value InList(Value value, Value list) =>
        list is ListValue items
            ? Interpreter.AnyEqual(value, items.Items.AsSpan())
            : Semantics.MergeUnknown(value, list);

    public static Value MakeList(Value[] items) => new ListValue(ImmutableCollectionsMarshal.AsImmutableArray(items));

    public static Value Call(Function function, Value[] arguments) => Semantics.Call(function, arguments);

    public static Value Call1(Function function, Value argument) => Semantics.Call(function, [argument]);

    public static Value Call2(Function function, Value first, Value second) =>
        Semantics.Call(function, [first, second]);

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

    /// <summary>
    /// Evaluates a decision table: its columns once, then each row's cells (in a pooled scratch array, so that no
    /// list or closure is made per evaluation), then the hit policy.
    /// </summary>
    public static Value Table(Frame frame, CompiledTable compiled)
    {
        DecisionTable table = compiled.Table;
        int columnCount = compiled.Columns.Length;
        int size = columnCount + table.Rows.Length;
        Value[] scratch = ArrayPool<Value>.Shared.Rent(size);
        try
        {
            for (int i = 0; i < columnCount; i++)
            {
                scratch[i] = compiled.Columns[i](frame);
            }

            ReadOnlySpan<Value> columns = scratch.AsSpan(0, columnCount);
            int count = 0;
            foreach (DecisionRow row in table.Rows)
            {
                Value matched = Match(frame, compiled.Cells[row.Index], columns);
                frame.Trace?.Row(table.Index, row.Index, matched);
                scratch[columnCount + count++] = matched;
                if (table.HitPolicy == HitPolicy.First && !IsFalse(matched))
                {
                    break;
                }
            }

            return TableRules.Decide(table, scratch.AsSpan(columnCount, count), new Rows(frame, compiled));
        }
        finally
        {
            Array.Clear(scratch, 0, size);
            ArrayPool<Value>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// A decision table of the untraced program whose row matching is typed (<paramref name="match"/> writes each
    /// row's match to the frame's array for the table and says how many rows it considered); then the hit policy.
    /// </summary>
    public static Value TypedTable(Frame frame, CompiledTable compiled, Func<Frame, Value[], int> match)
    {
        Value[] matches = frame.Matches(compiled.Table);
        int count = match(frame, matches);
        Value result = TableRules.Decide(compiled.Table, matches.AsSpan(0, count), new Rows(frame, compiled));
        Array.Clear(matches, 0, count);
        return result;
    }

    private static Value Match(Frame frame, ImmutableArray<CompiledCell> cells, ReadOnlySpan<Value> columns)
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
        BCompareCell compare => Semantics.Binary(compare.Op, input, cell.ValueAt(frame, 0)),
        BListCell => Interpreter.AnyEqual(input, cell.Constants ?? [.. cell.Values.Select(v => v(frame))]),
        BRangeCell => Interpreter.Between(input, cell.ValueAt(frame, 0), cell.ValueAt(frame, 1)),
        _ => UnknownValue.None,
    };

    /// <summary>Row outputs for <see cref="TableRules"/>, from the compiled output delegates.</summary>
    private readonly struct Rows(Frame frame, CompiledTable compiled) : IRowValues
    {
        public Value RowValue(DecisionTable table, DecisionRow row)
        {
            ImmutableArray<Func<Frame, Value>> outputs = compiled.Outputs[row.Index];
            if (outputs.Length == 1)
            {
                return outputs[0](frame);
            }

            Value[] values = new Value[outputs.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = outputs[i](frame);
            }

            return new RecordValue(table.OutputNames, ImmutableCollectionsMarshal.AsImmutableArray(values));
        }
    }
}
