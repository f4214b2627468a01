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

    /// <summary>
    /// A cheap mix of the parts (this is on the path of every look-up): the text parts' hashes, the numbers folded
    /// in by multiply and add. Keys are only inserted from the rule file, so no input can flood a table.
    /// </summary>
    public override int GetHashCode()
    {
        const int Prime = -1521134295;
        int hash = Hash(Text1);
        hash = (hash * Prime) + Number1.GetHashCode();
        if (Text2 is not null || Number2 != 0 || Text3 is not null || Number3 != 0)
        {
            hash = (hash * Prime) + Hash(Text2);
            hash = (hash * Prime) + Number2.GetHashCode();
            hash = (hash * Prime) + Hash(Text3);
            hash = (hash * Prime) + Number3.GetHashCode();
        }

        return hash;
    }

    /// <summary>FNV-1a over the characters: keys are short codes, and this is several times cheaper than the
    /// randomised string hash (equality stays ordinal, so only the spread of buckets depends on it).</summary>
    private static int Hash(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)hash;
    }

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
