using System.Collections.Immutable;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Evaluation;

/// <summary>The outputs of one evaluation in the rule set's output order, with the trace when asked for.</summary>
public sealed class EvaluationResult(LocalDate asOf, ImmutableArray<(string Name, Value Value)> outputs, Trace? trace)
{
    public LocalDate AsOf { get; } = asOf;

    public ImmutableArray<(string Name, Value Value)> Outputs { get; } = outputs;

    public Trace? Trace { get; } = trace;

    /// <summary>True when some output could not be decided because it depends on something unknown.</summary>
    public bool CannotDecideYet => Outputs.Any(o => o.Value is UnknownValue);

    /// <summary>The inputs that would let every undecided output be decided (sorted, without repeats).</summary>
    public ImmutableArray<string> NeededInputs =>
        [.. Outputs.Select(o => o.Value).OfType<UnknownValue>().SelectMany(u => u.Needs)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public Value this[string name] => Outputs.First(o => o.Name == name).Value;
}
