using System.Collections.Immutable;

namespace CivicDesk.Rules.Values;

public sealed class TextValue(string value) : Value
{
    public string Value { get; } = value;

    public override string Canonical => System.Text.Json.JsonSerializer.Serialize(Value);
}
