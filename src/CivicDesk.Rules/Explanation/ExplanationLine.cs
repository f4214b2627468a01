using CivicDesk.Rules.Evaluation;

namespace CivicDesk.Rules.Explanation;

/// <summary>
/// One sentence of an explanation: an output (depth 0) or a labelled condition it rests on (depth 1 and more),
/// with its status and the values that decided it.
/// </summary>
public sealed record ExplanationLine(string Node, int Depth, TraceStatus Status, string Text);
