using CivicDesk.Rules.Syntax;

namespace CivicDesk.Rules;

/// <summary>
/// One problem found while loading a rule set: where it is, what the language expected there and what it found.
/// </summary>
public sealed record RuleDiagnostic(SourcePosition Position, string Expected, string Found)
{
    public override string ToString() => $"{Position}: expected {Expected}, found {Found}";
}
