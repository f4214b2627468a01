using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>The state of one compiled evaluation: inputs, as-of date, remembered node values, list variables.</summary>
internal sealed class Frame(CompiledRuleSet program, Value?[] inputs, LocalDate asOf, TraceRecorder? trace)
{
    public CompiledRuleSet Program { get; } = program;

    public Value?[] Inputs { get; } = inputs;

    public LocalDate AsOf { get; } = asOf;

    public Value?[] Nodes { get; } = new Value?[program.RuleSet.Nodes.Length];

    public Value[] Locals { get; } = new Value[program.RuleSet.LocalCount];

    public TraceRecorder? Trace { get; } = trace;
}
