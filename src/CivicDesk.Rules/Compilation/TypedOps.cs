using System.Runtime.CompilerServices;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// The run-time helpers of typed compiled code (<see cref="TypedCompiler"/>): the language's operators over
/// <see cref="Typed{T}"/> values, with the same unknown rules as <see cref="Semantics"/> (an unknown operand makes
/// the result unknown naming every input the operands needed; overflow, division by zero and dates out of range give
/// an unknown naming no input). The typed operator tests hold each of them to the interpreter.
/// </summary>
internal static partial class TypedOps
{
    /// <summary>The unknown standing for two operands of which at least one is unknown (as MergeUnknown).</summary>
    public static UnknownValue Merge(UnknownValue? left, UnknownValue? right) =>
        left is null ? right! : right is null ? left : UnknownValue.Merge(left, right);

    /// <summary>The unknown result of a strict operation whose operands were not both known.</summary>
    public static Typed<T> Strict<T>(UnknownValue? left, UnknownValue? right) => new(Merge(left, right));

    public static Typed<T> Known<T>(T value) => new(value);

    /// <summary>
    /// A boxed value as typed: the raw value when it has the type's value class, else the unknown it is (the checker
    /// guarantees nothing else can come). Tests the expected class first: that is the common case.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Typed<T> Unbox<T>(Value value)
    {
        if (typeof(T) == typeof(decimal))
        {
            if (value is DecimalValue known)
            {
                decimal raw = known.Value;
                return new Typed<T>(Unsafe.As<decimal, T>(ref raw));
            }
        }
        else if (typeof(T) == typeof(long))
        {
            if (value is IntegerValue known)
            {
                long raw = known.Value;
                return new Typed<T>(Unsafe.As<long, T>(ref raw));
            }
        }
        else if (typeof(T) == typeof(bool))
        {
            if (value is BooleanValue known)
            {
                bool raw = known.Value;
                return new Typed<T>(Unsafe.As<bool, T>(ref raw));
            }
        }
        else if (typeof(T) == typeof(LocalDate))
        {
            if (value is DateValue known)
            {
                LocalDate raw = known.Value;
                return new Typed<T>(Unsafe.As<LocalDate, T>(ref raw));
            }
        }
        else if (value is TextValue text)
        {
            return new Typed<T>((T)(object)text.Value);
        }

        return new Typed<T>((UnknownValue)value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Typed<T> Input<T>(Value? value, UnknownValue missing) =>
        value is null ? new Typed<T>(missing) : Unbox<T>(value);

    public static Value Box(Typed<decimal> value) => value.Unknown ?? Value.Of(value.Value);

    public static Value Box(Typed<long> value) => value.Unknown ?? Value.Of(value.Value);

    public static Value Box(Typed<bool> value) => value.Unknown ?? Value.Of(value.Value);

    public static Value Box(Typed<LocalDate> value) => value.Unknown ?? Value.Of(value.Value);

    public static Value Box(Typed<string> value) => value.Unknown ?? Value.Of(value.Value);

    /// <summary>A definition's value: computed on first use in an evaluation, then read from its typed slot.</summary>
    public static Typed<T> Node<T>(Frame frame, Typed<T>[] values, Func<Frame, Typed<T>>[] bodies, int index)
    {
        if (frame.Stamps[index] == frame.Generation)
        {
            return values[index];
        }

        Typed<T> value = bodies[index](frame);
        values[index] = value;
        frame.Stamps[index] = frame.Generation;
        return value;
    }

    public static Typed<LocalDate> AsOf(Frame frame) => new(frame.AsOf);

    public static bool IsFalse(Typed<bool> value) => value.Unknown is null && !value.Value;

    public static bool IsTrue(Typed<bool> value) => value.Unknown is null && value.Value;

    public static Typed<bool> Not(Typed<bool> operand) => operand.Unknown is null ? new(!operand.Value) : operand;

    public static Typed<decimal> Negate(Typed<decimal> operand) =>
        operand.Unknown is null ? new(-operand.Value) : operand;

    public static Typed<long> Negate(Typed<long> operand) => operand.Unknown is not null ? operand
        : operand.Value == long.MinValue ? new(UnknownValue.None) : new(-operand.Value);

    /// <summary>The rest of Kleene "and" once the left side was not false.</summary>
    public static Typed<bool> AndRest(Typed<bool> left, Typed<bool> right)
    {
        if (IsFalse(right))
        {
            return right;
        }

        return left.Unknown is null && right.Unknown is null ? new(true) : Strict<bool>(left.Unknown, right.Unknown);
    }

    /// <summary>The rest of Kleene "or" once the left side was not true.</summary>
    public static Typed<bool> OrRest(Typed<bool> left, Typed<bool> right)
    {
        if (IsTrue(right))
        {
            return right;
        }

        return left.Unknown is null && right.Unknown is null ? new(false) : Strict<bool>(left.Unknown, right.Unknown);
    }

    /// <summary>One more cell of a row (the row not false yet): Kleene "and", a false cell settles it.</summary>
    public static Typed<bool> MatchStep(Typed<bool> row, Typed<bool> cell)
    {
        if (cell.Unknown is null)
        {
            return cell.Value ? row : cell;
        }

        return row.Unknown is null ? cell : new(UnknownValue.Merge(row.Unknown, cell.Unknown));
    }

    /// <summary>The raw values of a table's exact first-column literals with their numbers (text ordinal).</summary>
    public static Dictionary<T, int> Ids<T>(Dictionary<Value, int> literals)
        where T : notnull
    {
        IEqualityComparer<T>? comparer =
            (IEqualityComparer<T>?)(typeof(T) == typeof(string) ? StringComparer.Ordinal : null);
        Dictionary<T, int> ids = new(comparer);
        foreach ((Value literal, int id) in literals)
        {
            ids[Unbox<T>(literal).Value] = id;
        }

        return ids;
    }

    /// <summary>The number of the literal a known column value equals, or -1 (unknown, or equal to none).</summary>
    public static int Id<T>(Typed<T> value, Dictionary<T, int> ids)
        where T : notnull =>
        value.Unknown is null && ids.TryGetValue(value.Value, out int id) ? id : -1;

    /// <summary>A parameter-table look-up by typed keys (up to three; unused ones are default).</summary>
    public static Value Lookup(Frame frame, RuleParameter parameter, KeyPart first, KeyPart second, KeyPart third)
    {
        if (first.Unknown is not null || second.Unknown is not null || third.Unknown is not null)
        {
            UnknownValue? unknown = first.Unknown;
            unknown = second.Unknown is null ? unknown : Merge(unknown, second.Unknown);
            return third.Unknown is null ? unknown! : Merge(unknown, third.Unknown);
        }

        return parameter.Lookup(frame.AsOf,
            new TableKey(first.Text, first.Number, second.Text, second.Number, third.Text, third.Number));
    }

    /// <summary>A look-up in a table keyed by text (then a number) through its index; number 0 if none.</summary>
    public static Value Lookup(Frame frame, TextKeyIndex index, KeyPart text, KeyPart number)
    {
        if (text.Unknown is not null || number.Unknown is not null)
        {
            return number.Unknown is null ? text.Unknown! : Merge(text.Unknown, number.Unknown);
        }

        return index.Lookup(frame.AsOf, text.Text!, number.Number);
    }

    public static KeyPart Key(Typed<string> value) => new(value.Value, 0, value.Unknown);

    public static KeyPart Key(Typed<long> value) => new(null, value.Value, value.Unknown);

    public static KeyPart Key(Typed<LocalDate> value) =>
        new(null, value.Unknown is null ? value.Value.ToDateOnly().DayNumber : 0, value.Unknown);

    public static KeyPart Key(Typed<bool> value) => new(null, value.Value ? 1 : 0, value.Unknown);

    public static Typed<decimal> ToDecimal(Typed<long> value) =>
        value.Unknown is null ? new(value.Value) : new(value.Unknown);

    public static Typed<decimal> RoundCents(Typed<decimal> value) => value.Unknown is null
        ? new(decimal.Round(value.Value, 2, MidpointRounding.AwayFromZero))
        : value;

    public static Typed<decimal> Floor(Typed<decimal> value) =>
        value.Unknown is null ? new(decimal.Floor(value.Value)) : value;

    public static Typed<long> DaysBetween(Typed<LocalDate> from, Typed<LocalDate> to) =>
        from.Unknown is null && to.Unknown is null
            ? new(Period.DaysBetween(from.Value, to.Value))
            : Strict<long>(from.Unknown, to.Unknown);

    public static Typed<long> AgeOn(Typed<LocalDate> birth, Typed<LocalDate> on) =>
        birth.Unknown is null && on.Unknown is null
            ? new(Period.Between(birth.Value, on.Value, PeriodUnits.Years).Years)
            : Strict<long>(birth.Unknown, on.Unknown);

    public static Typed<long> MonthsBetween(Typed<LocalDate> from, Typed<LocalDate> to) =>
        from.Unknown is null && to.Unknown is null
            ? new(Period.Between(from.Value, to.Value, PeriodUnits.Months).Months)
            : Strict<long>(from.Unknown, to.Unknown);

    /// <summary>
    /// One item of <c>x in [a, b, ...]</c>: Kleene "or" of equality with each item, true as soon as one is equal,
    /// else unknown if one was unknown (every item is evaluated, as in the interpreter).
    /// </summary>
    public static Typed<bool> InStep<T>(Typed<bool> result, Typed<T> value, Typed<T> item)
    {
        if (IsTrue(result))
        {
            return result;
        }

        if (value.Unknown is not null || item.Unknown is not null)
        {
            UnknownValue equal = Merge(value.Unknown, item.Unknown);
            return result.Unknown is null ? new(equal) : new(UnknownValue.Merge(result.Unknown, equal));
        }

        return EqualityComparer<T>.Default.Equals(value.Value, item.Value) ? new(true) : result;
    }

    /// <summary><c>x in [low..high]</c>: Kleene "and" of x &gt;= low and x &lt;= high.</summary>
    public static Typed<bool> Between<T>(Typed<T> value, Typed<T> low, Typed<T> high)
        where T : IComparable<T>
    {
        UnknownValue? above = value.Unknown is null && low.Unknown is null ? null : Merge(value.Unknown, low.Unknown);
        UnknownValue? below = value.Unknown is null && high.Unknown is null
            ? null
            : Merge(value.Unknown, high.Unknown);
        bool aboveFalse = above is null && value.Value.CompareTo(low.Value) < 0;
        bool belowFalse = below is null && value.Value.CompareTo(high.Value) > 0;
        if (aboveFalse || belowFalse)
        {
            return new(false);
        }

        return above is null && below is null ? new(true) : Strict<bool>(above, below);
    }

    /// <summary><c>any(list, x -> condition)</c> or <c>all(...)</c> with a typed condition (Kleene).</summary>
    public static Typed<bool> AnyAll(Frame frame, Value list, int slot, Func<Frame, Typed<bool>> body, bool any)
    {
        if (list is not ListValue items)
        {
            return Unbox<bool>(list);
        }

        UnknownValue? unknown = null;
        foreach (Value item in items.Items)
        {
            frame.Locals[slot] = item;
            Typed<bool> element = body(frame);
            if (element.Unknown is null)
            {
                if (element.Value == any)
                {
                    return element;
                }
            }
            else
            {
                unknown = unknown is null ? element.Unknown : UnknownValue.Merge(unknown, element.Unknown);
            }
        }

        return unknown is null ? new(!any) : new(unknown);
    }

    /// <summary><c>count(list, x -> condition)</c> with a typed condition.</summary>
    public static Typed<long> Count(Frame frame, Value list, int slot, Func<Frame, Typed<bool>> body)
    {
        if (list is not ListValue items)
        {
            return Unbox<long>(list);
        }

        long count = 0;
        UnknownValue? unknown = null;
        foreach (Value item in items.Items)
        {
            frame.Locals[slot] = item;
            Typed<bool> element = body(frame);
            if (element.Unknown is not null)
            {
                unknown = unknown is null ? element.Unknown : UnknownValue.Merge(unknown, element.Unknown);
            }
            else if (element.Value)
            {
                count++;
            }
        }

        return unknown is null ? new(count) : new(unknown);
    }
}
