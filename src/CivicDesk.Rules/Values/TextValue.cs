namespace CivicDesk.Rules.Values;

public sealed class TextValue(string value) : Value
{
    private string? _canonical;

    public string Value { get; } = value;

    public override string Canonical => _canonical ??= System.Text.Json.JsonSerializer.Serialize(Value);
}
