using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Evaluation;

/// <summary>Comparisons and steps over known values of one type, shared by evaluation and table checks.</summary>
internal static class ValueOps
{
    public static int Order(Value left, Value right) => (left, right) switch
    {
        (IntegerValue a, IntegerValue b) => a.Value.CompareTo(b.Value),
        (DecimalValue a, DecimalValue b) => a.Value.CompareTo(b.Value),
        (DateValue a, DateValue b) => a.Value.CompareTo(b.Value),
        (BooleanValue a, BooleanValue b) => a.Value.CompareTo(b.Value),
        (TextValue a, TextValue b) => string.CompareOrdinal(a.Value, b.Value),
        _ => string.CompareOrdinal(left.Canonical, right.Canonical),
    };

    /// <summary>Equality by meaning (2.0 equals 2.00), unlike <see cref="Value.Equals(Value)"/>.</summary>
    public static bool Same(Value left, Value right) => (left, right) switch
    {
        (DecimalValue a, DecimalValue b) => a.Value == b.Value,
        (IntegerValue a, IntegerValue b) => a.Value == b.Value,
        (TextValue a, TextValue b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal),
        (BooleanValue a, BooleanValue b) => a.Value == b.Value,
        (DateValue a, DateValue b) => a.Value == b.Value,
        (DurationValue a, DurationValue b) => a.Value.Equals(b.Value),
        _ => left.Equals(right),
    };

    public static bool Compare(BinaryOp op, Value left, Value right) => op switch
    {
        BinaryOp.Equal => Same(left, right),
        BinaryOp.NotEqual => !Same(left, right),
        BinaryOp.Less => Order(left, right) < 0,
        BinaryOp.LessOrEqual => Order(left, right) <= 0,
        BinaryOp.Greater => Order(left, right) > 0,
        BinaryOp.GreaterOrEqual => Order(left, right) >= 0,
        _ => false,
    };

    public static Value Zero(RuleType type) => type.Name switch
    {
        "integer" => Value.Of(0L),
        "decimal" => Value.Of(0m),
        _ => Value.Of(new LocalDate(2000, 1, 1)),
    };

    public static Value Step(Value value, int direction) => value switch
    {
        IntegerValue i => Value.Of(direction < 0
            ? (i.Value == long.MinValue ? i.Value : i.Value - 1)
            : (i.Value == long.MaxValue ? i.Value : i.Value + 1)),
        DecimalValue d => Value.Of(direction < 0
            ? (d.Value <= decimal.MinValue + 1 ? d.Value : d.Value - 1)
            : (d.Value >= decimal.MaxValue - 1 ? d.Value : d.Value + 1)),
        DateValue date when date.Value > new LocalDate(-9998, 1, 1) && date.Value < new LocalDate(9998, 12, 31) =>
            Value.Of(date.Value.PlusDays(direction)),
        _ => value,
    };

    /// <summary>A value strictly between two, or null when none exists (consecutive whole numbers or days).</summary>
    public static Value? Between(Value low, Value high) => (low, high) switch
    {
        (IntegerValue a, IntegerValue b) when b.Value - a.Value >= 2 => Value.Of(a.Value + 1),
        (DecimalValue a, DecimalValue b) => Value.Of((a.Value / 2) + (b.Value / 2)),
        (DateValue a, DateValue b) when Period.DaysBetween(a.Value, b.Value) >= 2 => Value.Of(a.Value.PlusDays(1)),
        _ => null,
    };
}
