using System.Collections.Immutable;

namespace CivicDesk.Rules.Explanation;

/// <summary>The plain-language reasons for an evaluation's outputs, in one language.</summary>
public sealed record Explanation(string Language, ImmutableArray<ExplanationLine> Lines)
{
    public override string ToString() =>
        string.Join(Environment.NewLine, Lines.Select(l => new string(' ', l.Depth * 2) + l.Text));
}
