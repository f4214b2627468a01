using System.Collections.Immutable;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// Every definition and table of the rule set in written order, each table followed by its rows, with what the
/// evaluation found. Two traces are equal when every entry is.
/// </summary>
public sealed class Trace(ImmutableArray<TraceEntry> entries) : IEquatable<Trace>
{
    public ImmutableArray<TraceEntry> Entries { get; } = entries;

    public TraceEntry? Find(string name, string? row = null) =>
        Entries.FirstOrDefault(e => e.Name == name && e.Row == row);

    public bool Equals(Trace? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override bool Equals(object? obj) => obj is Trace other && Equals(other);

    public override int GetHashCode() => Entries.Length;

    public override string ToString() => string.Join(Environment.NewLine, Entries);
}
