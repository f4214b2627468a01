using System.Collections.Immutable;

namespace CivicDesk.Rules.Values;

public sealed class DecimalValue(decimal value) : Value
{
    public decimal Value { get; } = value;

    public override string Canonical => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
