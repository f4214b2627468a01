using System.Collections.Immutable;

namespace CivicDesk.Rules.Values;

public sealed class BooleanValue(bool value) : Value
{
    public bool Value { get; } = value;

    public override string Canonical => Value ? "true" : "false";
}
