using System.Collections.Immutable;

namespace CivicDesk.Rules.Values;

public sealed class IntegerValue(long value) : Value
{
    public long Value { get; } = value;

    public override string Canonical => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
