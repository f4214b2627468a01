using System.Collections.Immutable;

namespace CivicDesk.Rules.Values;

/// <summary>A record: field values in the order of its type's fields (a missing field is an unknown value).</summary>
public sealed class RecordValue(ImmutableArray<string> names, ImmutableArray<Value> fields) : Value
{
    private string? _canonical;

    public ImmutableArray<string> Names { get; } = names;

    public ImmutableArray<Value> Fields { get; } = fields;

    public override string Canonical => _canonical ??=
        "{" + string.Join(", ", Names.Select((n, i) => n + ": " + Fields[i].Canonical)) + "}";
}
