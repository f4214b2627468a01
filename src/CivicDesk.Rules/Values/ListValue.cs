using System.Collections.Immutable;

namespace CivicDesk.Rules.Values;

public sealed class ListValue(ImmutableArray<Value> items) : Value
{
    private string? _canonical;

    public ImmutableArray<Value> Items { get; } = items;

    public override string Canonical => _canonical ??= "[" + string.Join(", ", Items.Select(i => i.Canonical)) + "]";
}
