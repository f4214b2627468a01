using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Model;

/// <summary>
/// Up to three key parts of a parameter table row, compared without allocating: text keys by ordinal text,
/// integers, dates (as day numbers) and booleans by number.
/// </summary>
internal readonly record struct TableKey(string? Text1, long Number1, string? Text2, long Number2, string? Text3,
    long Number3)
{
    public bool Equals(TableKey other) =>
        Number1 == other.Number1 && Number2 == other.Number2 && Number3 == other.Number3
        && string.Equals(Text1, other.Text1, StringComparison.Ordinal)
        && string.Equals(Text2, other.Text2, StringComparison.Ordinal)
        && string.Equals(Text3, other.Text3, StringComparison.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(Hash(Text1), Number1, Hash(Text2), Number2, Hash(Text3), Number3);

    private static int Hash(string? text) => text is null ? 0 : StringComparer.Ordinal.GetHashCode(text);

    public const int MaxParts = 3;

    public static bool TryCreate(ReadOnlySpan<Value> parts, out TableKey key)
    {
        key = default;
        if (parts.Length > MaxParts
            || !TrySplit(parts, 0, out string? text1, out long number1)
            || !TrySplit(parts, 1, out string? text2, out long number2)
            || !TrySplit(parts, 2, out string? text3, out long number3))
        {
            return false;
        }

        key = new TableKey(text1, number1, text2, number2, text3, number3);
        return true;
    }

    private static bool TrySplit(ReadOnlySpan<Value> parts, int index, out string? text, out long number)
    {
        text = null;
        number = 0;
        if (index >= parts.Length)
        {
            return true;
        }

        switch (parts[index])
        {
            case TextValue value:
                text = value.Value;
                return true;
            case IntegerValue value:
                number = value.Value;
                return true;
            case DateValue value:
                number = value.Value.ToDateOnly().DayNumber;
                return true;
            case BooleanValue value:
                number = value.Value ? 1 : 0;
                return true;
            default:
                return false;
        }
    }
}
