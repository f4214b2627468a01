using System.Collections.Immutable;
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
    internal CompiledRuleSet(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        ExpressionCompiler compiler = new();
        Nodes = [.. ruleSet.Nodes.Select(node => CompileNode(compiler, node))];
    }

    public RuleSet RuleSet { get; }

    internal ImmutableArray<Func<Frame, Value>> Nodes { get; }

    public EvaluationResult Evaluate(RuleInputs inputs, LocalDate asOf, bool trace = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Frame frame = new(this, inputs.Slots, asOf, trace ? new TraceRecorder(RuleSet.Nodes) : null);
        ImmutableArray<RuleNode> outputs = RuleSet.Outputs;
        ImmutableArray<(string, Value)>.Builder values =
            ImmutableArray.CreateBuilder<(string, Value)>(outputs.Length);
        foreach (RuleNode output in outputs)
        {
            values.Add((output.Name, CompiledOps.Node(frame, output.Index)));
        }

        return new EvaluationResult(asOf, values.MoveToImmutable(), frame.Trace?.Build());
    }

    private static Func<Frame, Value> CompileNode(ExpressionCompiler compiler, RuleNode node)
    {
        if (node is RuleDefinition definition)
        {
            return compiler.Compile(definition.Body);
        }

        DecisionTable table = (DecisionTable)node;
        CompiledTable compiled = new(
            table,
            [.. table.Inputs.Select(compiler.Compile)],
            [.. table.Rows.Select(r => r.Cells.Select(c => CompileCell(compiler, c)).ToImmutableArray())],
            [.. table.Rows.Select(r => r.Outputs.Select(compiler.Compile).ToImmutableArray())]);
        return frame => CompiledOps.Table(frame, compiled);
    }

    private static CompiledCell CompileCell(ExpressionCompiler compiler, BCell cell) => cell switch
    {
        BCompareCell compare => new CompiledCell(cell, [compiler.Compile(compare.Value)]),
        BListCell list => new CompiledCell(cell, [.. list.Items.Select(compiler.Compile)]),
        BRangeCell range => new CompiledCell(cell, [compiler.Compile(range.Low), compiler.Compile(range.High)]),
        _ => new CompiledCell(cell, []),
    };
}
