using System.Collections.Immutable;
using NodaTime;

namespace CivicDesk.Rules.Values;

/// <summary>
/// A value of the rules language as inputs, outputs and traces carry it. Two values are equal when their canonical
/// text is equal, so a decimal keeps its scale (52350 and 52350.00 differ) and a decision replays identically.
/// </summary>
public abstract class Value : IEquatable<Value>
{
    /// <summary>Whole numbers from 0 below this are made once and shared (values are immutable).</summary>
    private const int SmallCount = 1024;

    private static readonly IntegerValue[] SmallIntegers =
        [.. Enumerable.Range(0, SmallCount).Select(i => new IntegerValue(i))];

    private static readonly DecimalValue[] SmallDecimals =
        [.. Enumerable.Range(0, SmallCount).Select(i => new DecimalValue(i))];

    public static Value True { get; } = new BooleanValue(true);

    public static Value False { get; } = new BooleanValue(false);

    public bool IsUnknown => this is UnknownValue;

    public static Value Of(bool value) => value ? True : False;

    public static Value Of(long value) =>
        value is >= 0 and < SmallCount ? SmallIntegers[value] : new IntegerValue(value);

    public static Value Of(decimal value) => new DecimalValue(value);

    /// <summary>A whole number as a decimal of scale 0, as <c>decimal(n)</c> gives it.</summary>
    internal static Value WholeDecimal(long value) =>
        value is >= 0 and < SmallCount ? SmallDecimals[value] : new DecimalValue(value);

    public static Value Of(string value) => new TextValue(value);

    public static Value Of(LocalDate value) => new DateValue(value);

    public static Value Of(Period value) => new DurationValue(value);

    public static Value Unknown(params string[] needs) => UnknownValue.Of(needs);

    /// <summary>The value as culture-free text: the canonical form used for equality, hashing and records.</summary>
    public abstract string Canonical { get; }

    public bool Equals(Value? other) =>
        other is not null && string.Equals(Canonical, other.Canonical, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Value other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    public override string ToString() => Canonical;
}
