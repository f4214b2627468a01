using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// The state of one compiled evaluation: inputs, as-of date, remembered node values, list variables and the trace
/// recorder. A frame serves one evaluation at a time; <see cref="CompiledRuleSet"/> keeps one per thread and
/// reuses it, so that an evaluation allocates little more than its result.
/// </summary>
internal sealed class Frame(CompiledRuleSet program)
{
    private Value? _asOfValue;
    private TraceRecorder? _recorder;

    public CompiledRuleSet Program { get; } = program;

    public Value?[] Inputs { get; private set; } = [];

    public LocalDate AsOf { get; private set; }

    /// <summary>The as-of date as a value, made once per evaluation on first use.</summary>
    public Value AsOfValue => _asOfValue ??= Value.Of(AsOf);

    public Value?[] Nodes { get; } = new Value?[program.RuleSet.Nodes.Length];

    public Value[] Locals { get; } = new Value[program.RuleSet.LocalCount];

    /// <summary>
    /// Typed path: the evaluation (<see cref="Generation"/>) whose value each definition's typed slot holds, by node
    /// index; a slot stamped with an earlier one is stale. Stamping instead of clearing spares a pass over every slot
    /// array after each evaluation.
    /// </summary>
    public int[] Stamps { get; } = new int[program.RuleSet.Nodes.Length];

    /// <summary>
    /// The number of the evaluation under way, from 1; stamps of earlier ones are smaller. After
    /// <see cref="int.MaxValue"/> evaluations the stamps are cleared and the numbering starts again.
    /// </summary>
    public int Generation { get; private set; }

    /// <summary>For tests: numbers the evaluations as if this many had been made with the frame.</summary>
    internal void SkipEvaluations(int count) => Generation = count;

    public Typed<decimal>[] Decimals { get; } = new Typed<decimal>[program.RuleSet.Nodes.Length];

    public Typed<long>[] Integers { get; } = new Typed<long>[program.RuleSet.Nodes.Length];

    public Typed<bool>[] Booleans { get; } = new Typed<bool>[program.RuleSet.Nodes.Length];

    public Typed<LocalDate>[] Dates { get; } = new Typed<LocalDate>[program.RuleSet.Nodes.Length];

    public Typed<string>[] Texts { get; } = new Typed<string>[program.RuleSet.Nodes.Length];

    public TraceRecorder? Trace { get; private set; }

    /// <summary>Each table's row matches in a typed evaluation (by node index), made on first use.</summary>
    private readonly Value[]?[] _matches = new Value[]?[program.RuleSet.Nodes.Length];

    public Value[] Matches(Model.DecisionTable table) => _matches[table.Index] ??= new Value[table.Rows.Length];

    /// <summary>True between <see cref="Start"/> and <see cref="Finish"/>.</summary>
    public bool InUse { get; private set; }

    public void Start(Value?[] inputs, LocalDate asOf, bool trace)
    {
        Inputs = inputs;
        AsOf = asOf;
        if (Generation == int.MaxValue)
        {
            Array.Clear(Stamps);
            Generation = 0;
        }

        Generation++;
        if (trace)
        {
            _recorder ??= new TraceRecorder(Program.RuleSet.TraceLayout);
            _recorder.Clear();
            Trace = _recorder;
        }

        InUse = true;
    }

    /// <summary>
    /// Forgets the evaluation's objects (boxed values, list items, texts: none outlives it here) and frees the frame.
    /// Raw numbers, booleans and dates stay in their typed slots until overwritten; their stamps mark them stale.
    /// </summary>
    public void Finish()
    {
        Array.Clear(Nodes);
        Array.Clear(Locals);
        Program.Typed.Clear(this);
        Inputs = [];
        _asOfValue = null;
        _recorder?.Clear();
        Trace = null;
        InUse = false;
    }
}
