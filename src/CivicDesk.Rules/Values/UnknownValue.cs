using System.Collections.Immutable;

namespace CivicDesk.Rules.Values;

/// <summary>
/// Not known yet: the inputs whose absence made it so (sorted, possibly empty when no input is to blame, for
/// example a parameter with no value in force on the as-of date).
/// </summary>
public sealed class UnknownValue : Value
{
    private UnknownValue(ImmutableArray<string> needs)
    {
        Needs = needs;
        Canonical = "unknown(" + string.Join(", ", needs) + ")";
    }

    public static UnknownValue None { get; } = new([]);

    public ImmutableArray<string> Needs { get; }

    public override string Canonical { get; }

    public static UnknownValue Of(IEnumerable<string> needs) =>
        new([.. needs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public static UnknownValue Merge(UnknownValue left, UnknownValue right)
    {
        if (right.Needs.IsEmpty || ReferenceEquals(left, right))
        {
            return left;
        }

        return left.Needs.IsEmpty ? right : Of(left.Needs.Concat(right.Needs));
    }
}
