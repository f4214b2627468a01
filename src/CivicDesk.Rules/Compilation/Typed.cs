using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// A value of a known static type on the typed (untraced) path: the raw value, or the unknown it stands for. When
/// <see cref="Unknown"/> is set, <see cref="Value"/> is meaningless. Passed by value, never boxed; only outputs (and
/// the few places the typed path hands a value to the boxed helpers) become <see cref="Values.Value"/> objects.
/// </summary>
internal readonly struct Typed<T>
{
    public readonly T Value;

    public readonly UnknownValue? Unknown;

    public Typed(T value)
    {
        Value = value;
        Unknown = null;
    }

    public Typed(UnknownValue unknown)
    {
        Value = default!;
        Unknown = unknown;
    }
}

/// <summary>One part of a parameter-table key on the typed path: text, or a number (integer, date, boolean).</summary>
internal readonly struct KeyPart(string? text, long number, UnknownValue? unknown)
{
    public readonly string? Text = text;

    public readonly long Number = number;

    public readonly UnknownValue? Unknown = unknown;
}
