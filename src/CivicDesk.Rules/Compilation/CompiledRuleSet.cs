using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// A rule set compiled once to delegates (expression trees). Gives the same outputs and traces as the reference
/// interpreter (<see cref="RuleSet.Evaluate"/>); a property test holds them to it. Thread-safe.
/// </summary>
public sealed class CompiledRuleSet
{
    [ThreadStatic]
    private static Frame? _spareFrame;

    internal CompiledRuleSet(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        ExpressionCompiler compiler = new(ruleSet);
        Nodes = [.. ruleSet.Nodes.Select(node => CompileNode(compiler, node))];
        Typed = TypedCompiler.Build(ruleSet);
    }

    public RuleSet RuleSet { get; }

    /// <summary>The traced program: every node over boxed values, recording the trace.</summary>
    internal ImmutableArray<Func<Frame, Value>> Nodes { get; }

    /// <summary>The untraced program: typed definitions, boxed only at the outputs.</summary>
    internal TypedProgram Typed { get; }

    public EvaluationResult Evaluate(RuleInputs inputs, LocalDate asOf, bool trace = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Frame frame = RentFrame();
        frame.Start(inputs.Slots, asOf, trace);
        try
        {
            ImmutableArray<RuleNode> outputs = RuleSet.Outputs;
            (string, Value)[] values = new (string, Value)[outputs.Length];
            if (trace)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = (outputs[i].Name, CompiledOps.Node(frame, outputs[i].Index));
                }
            }
            else
            {
                ImmutableArray<Func<Frame, Value>> typed = Typed.Outputs;
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = (outputs[i].Name, typed[i](frame));
                }
            }

            return new EvaluationResult(asOf, ImmutableCollectionsMarshal.AsImmutableArray(values),
                frame.Trace?.Build());
        }
        finally
        {
            frame.Finish();
        }
    }

    /// <summary>
    /// For tests and diagnosis: the typed definitions that this thread's last untraced evaluation of this rule set
    /// computed, in node order (none after a traced one).
    /// </summary>
    internal ImmutableArray<string> LastTypedEvaluated()
    {
        if (_spareFrame is not { } frame || !ReferenceEquals(frame.Program, this))
        {
            return [];
        }

        return [.. RuleSet.Nodes
            .Where(node => Typed.IsTyped[node.Index] && frame.Stamps[node.Index] == frame.Generation)
            .Select(node => node.Name)];
    }

    /// <summary>
    /// This thread's frame for this rule set, or a new one when the thread last evaluated another rule set (it
    /// then keeps the new one) or its frame is busy (an evaluation inside an evaluation; not kept).
    /// </summary>
    private Frame RentFrame()
    {
        Frame? spare = _spareFrame;
        if (spare is not null && ReferenceEquals(spare.Program, this))
        {
            return spare.InUse ? new Frame(this) : spare;
        }

        Frame frame = new(this);
        _spareFrame = frame;
        return frame;
    }

    internal static Func<Frame, Value> CompileNode(ExpressionCompiler compiler, RuleNode node)
    {
        if (node is RuleDefinition definition)
        {
            return compiler.Compile(definition.Body);
        }

        CompiledTable compiled = CompileTable(compiler, (DecisionTable)node);
        return frame => CompiledOps.Table(frame, compiled);
    }

    internal static CompiledTable CompileTable(ExpressionCompiler compiler, DecisionTable table) =>
        new(
            table,
            [.. table.Inputs.Select(compiler.Compile)],
            [.. table.Rows.Select(r => r.Cells.Select(c => CompileCell(compiler, c)).ToImmutableArray())],
            [.. table.Rows.Select(r => r.Outputs.Select(compiler.Compile).ToImmutableArray())]);

    private static CompiledCell CompileCell(ExpressionCompiler compiler, BCell cell)
    {
        ImmutableArray<Bound> values = cell switch
        {
            BCompareCell compare => [compare.Value],
            BListCell list => list.Items,
            BRangeCell range => [range.Low, range.High],
            _ => [],
        };
        Value[]? constants = values.All(v => v is BLiteral) ? [.. values.Select(v => ((BLiteral)v).Value)] : null;
        return new CompiledCell(cell, constants is null ? [.. values.Select(compiler.Compile)] : [], constants);
    }
}
