using System.Collections.Immutable;
using CivicDesk.Rules.Evaluation;

namespace CivicDesk.Rules.Golden;

/// <summary>What running one golden case found: its problems (none when it passed) and the traced result.</summary>
public sealed record GoldenOutcome(string Name, ImmutableArray<string> Problems, EvaluationResult? Result)
{
    public bool Passed => Problems.IsEmpty;
}
