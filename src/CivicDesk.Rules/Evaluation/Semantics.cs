using System.Collections.Immutable;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// The strict operations of the language over values, with unknown propagating: any unknown operand makes the
/// result unknown, naming every input the operands needed. Overflow, division by zero and dates out of range give
/// an unknown value naming no input rather than an exception. Control flow (and, or, if, tables, lists) is not here:
/// the interpreter and the compiler each implement it and must agree.
/// </summary>
internal static class Semantics
{
    public static Value Negate(Value operand) => operand switch
    {
        UnknownValue => operand,
        IntegerValue i when i.Value != long.MinValue => Value.Of(-i.Value),
        DecimalValue d => Value.Of(-d.Value),
        _ => UnknownValue.None,
    };

    public static Value Not(Value operand) => operand switch
    {
        BooleanValue b => Value.Of(!b.Value),
        _ => operand,
    };

    public static Value Binary(BinaryOp op, Value left, Value right)
    {
        if (left is UnknownValue || right is UnknownValue)
        {
            return MergeUnknown(left, right);
        }

        try
        {
            return op switch
            {
                BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide =>
                    Arithmetic(op, left, right),
                BinaryOp.DatePlus => Value.Of(((DateValue)left).Value.Plus(((DurationValue)right).Value)),
                BinaryOp.DateMinus => Value.Of(((DateValue)left).Value.Minus(((DurationValue)right).Value)),
                _ => Value.Of(ValueOps.Compare(op, left, right)),
            };
        }
        catch (Exception exception) when (exception is OverflowException or DivideByZeroException
            or ArgumentOutOfRangeException)
        {
            return UnknownValue.None;
        }
    }

    private static Value Arithmetic(BinaryOp op, Value left, Value right)
    {
        if (left is IntegerValue a && right is IntegerValue b)
        {
            return Value.Of(op switch
            {
                BinaryOp.Add => checked(a.Value + b.Value),
                BinaryOp.Subtract => checked(a.Value - b.Value),
                _ => checked(a.Value * b.Value),
            });
        }

        decimal x = ((DecimalValue)left).Value;
        decimal y = ((DecimalValue)right).Value;
        return Value.Of(op switch
        {
            BinaryOp.Add => x + y,
            BinaryOp.Subtract => x - y,
            BinaryOp.Multiply => x * y,
            _ => x / y,
        });
    }

    public static Value MergeUnknown(Value left, Value right) => (left, right) switch
    {
        (UnknownValue a, UnknownValue b) => UnknownValue.Merge(a, b),
        (UnknownValue a, _) => a,
        _ => right,
    };

    public static Value Call(Function function, ReadOnlySpan<Value> arguments)
    {
        Value unknown = Value.True;
        foreach (Value argument in arguments)
        {
            unknown = argument is UnknownValue ? MergeUnknown(unknown, argument) : unknown;
        }

        if (unknown is UnknownValue)
        {
            return unknown;
        }

        try
        {
            return Apply(function, arguments);
        }
        catch (Exception exception) when (exception is OverflowException or ArgumentOutOfRangeException)
        {
            return UnknownValue.None;
        }
    }

    private static Value Apply(Function function, ReadOnlySpan<Value> arguments) => function switch
    {
        Function.AgeOn =>
            Value.Of((long)Period.Between(Date(arguments[0]), Date(arguments[1]), PeriodUnits.Years).Years),
        Function.DaysBetween => Value.Of((long)Period.DaysBetween(Date(arguments[0]), Date(arguments[1]))),
        Function.MonthsBetween =>
            Value.Of((long)Period.Between(Date(arguments[0]), Date(arguments[1]), PeriodUnits.Months).Months),
        Function.RoundCents => Value.Of(decimal.Round(Decimal(arguments[0]), 2, MidpointRounding.AwayFromZero)),
        Function.Floor => Value.Of(decimal.Floor(Decimal(arguments[0]))),
        Function.ToDecimal => Value.WholeDecimal(((IntegerValue)arguments[0]).Value),
        Function.Days => Value.Of(Period.FromDays(checked((int)Integer(arguments[0])))),
        Function.Months => Value.Of(Period.FromMonths(checked((int)Integer(arguments[0])))),
        Function.Years => Value.Of(Period.FromYears(checked((int)Integer(arguments[0])))),
        Function.Min => Extreme(arguments, minimum: true),
        _ => Extreme(arguments, minimum: false),
    };

    /// <summary>The least (or greatest) of known values; the first of equal ones.</summary>
    private static Value Extreme(ReadOnlySpan<Value> arguments, bool minimum)
    {
        Value best = arguments[0];
        foreach (Value item in arguments[1..])
        {
            int order = ValueOps.Order(item, best);
            best = (minimum ? order < 0 : order > 0) ? item : best;
        }

        return best;
    }

    private static LocalDate Date(Value value) => ((DateValue)value).Value;

    private static decimal Decimal(Value value) => ((DecimalValue)value).Value;

    private static long Integer(Value value) => ((IntegerValue)value).Value;

    public static Value Field(Value target, int index) => target switch
    {
        RecordValue record => record.Fields[index],
        _ => target,
    };

    /// <summary>Adds one more number to a running sum (integer or decimal).</summary>
    public static Value Add(Value sum, Value item) => Binary(BinaryOp.Add, sum, item);

    public static Value Extreme(Value best, Value item, bool minimum)
    {
        if (best is UnknownValue || item is UnknownValue)
        {
            return MergeUnknown(best, item);
        }

        int order = ValueOps.Order(item, best);
        return (minimum ? order < 0 : order > 0) ? item : best;
    }

    /// <summary>True, false or unknown: whether a value satisfies a comparison with a cell or list value.</summary>
    public static Value Test(BinaryOp op, Value value, Value against) => Binary(op, value, against);
}
