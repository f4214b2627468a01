using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>The state of one compiled evaluation: inputs, as-of date, remembered node values, list variables.</summary>
internal sealed class Frame(CompiledRuleSet program, Value?[] inputs, LocalDate asOf, TraceRecorder? trace)
{
    private Value? _asOfValue;

    public CompiledRuleSet Program { get; } = program;

    public Value?[] Inputs { get; } = inputs;

    public LocalDate AsOf { get; } = asOf;

    /// <summary>The as-of date as a value, made once per evaluation on first use.</summary>
    public Value AsOfValue => _asOfValue ??= Value.Of(AsOf);

    public Value?[] Nodes { get; } = new Value?[program.RuleSet.Nodes.Length];

    public Value[] Locals { get; } = new Value[program.RuleSet.LocalCount];

    public TraceRecorder? Trace { get; } = trace;
}
