using System.Collections.Immutable;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// The reference tree-walking interpreter. Definitions and tables are evaluated on first use and remembered, so
/// whatever the outputs never needed stays "not evaluated" in the trace.
/// </summary>
internal sealed partial class Interpreter
{
    private readonly RuleSet _rules;
    private readonly RuleInputs _inputs;
    private readonly LocalDate _asOf;
    private readonly TraceRecorder? _trace;
    private readonly Value?[] _nodes;
    private readonly Value[] _locals;
    private HashSet<string>? _reads;

    public Interpreter(RuleSet rules, RuleInputs inputs, LocalDate asOf, bool trace)
    {
        _rules = rules;
        _inputs = inputs;
        _asOf = asOf;
        _trace = trace ? new TraceRecorder(rules.TraceLayout) : null;
        _nodes = new Value?[rules.Nodes.Length];
        _locals = new Value[rules.LocalCount];
    }

    /// <summary>
    /// The inputs, parameters and nodes one node's own expression actually reads on these inputs (the taken branch
    /// of an if, the side of an and/or that was needed), for explanations. Nodes it reads are evaluated but what
    /// they read in turn is not counted.
    /// </summary>
    public static IReadOnlySet<string> ReadsOf(RuleSet rules, RuleInputs inputs, LocalDate asOf, int node)
    {
        Interpreter interpreter = new(rules, inputs, asOf, trace: false) { _reads = [] };
        interpreter.Compute(node);
        return interpreter._reads;
    }

    public EvaluationResult Run()
    {
        ImmutableArray<(string, Value)> outputs = [.. _rules.Outputs.Select(o => (o.Name, Node(o.Index)))];
        return new EvaluationResult(_asOf, outputs, _trace?.Build());
    }

    private Value Node(int index)
    {
        if (_nodes[index] is { } known)
        {
            return known;
        }

        HashSet<string>? reads = _reads;
        _reads = null;
        Value value = Compute(index);
        _reads = reads;
        _nodes[index] = value;
        _trace?.Node(index, value);
        return value;
    }

    private Value Compute(int index) => _rules.Nodes[index] switch
    {
        RuleDefinition definition => Eval(definition.Body),
        DecisionTable table => Table(table),
        _ => UnknownValue.None,
    };

    private Value Eval(Bound bound)
    {
        if (_reads is not null)
        {
            Read(bound);
        }

        return Evaluate(bound);
    }

    private void Read(Bound bound)
    {
        string? name = bound switch
        {
            BInput input => input.Name,
            BParameter parameter => _rules.Parameters[parameter.Index].Name,
            BLookup lookup => _rules.Parameters[lookup.Index].Name,
            BNode node => _rules.Nodes[node.Index].Name,
            _ => null,
        };
        if (name is not null)
        {
            _reads!.Add(name);
        }
    }

    private Value Evaluate(Bound bound) => bound switch
    {
        BLiteral literal => literal.Value,
        BInput input => _inputs.Slots[input.Slot] ?? _rules.MissingInputs[input.Slot],
        BParameter parameter => _rules.Parameters[parameter.Index].ValueOn(_asOf),
        BLookup lookup => Lookup(lookup),
        BNode node => Node(node.Index),
        BLocal local => _locals[local.Slot],
        BAsOf => Value.Of(_asOf),
        BUnary { Op: UnaryOp.Not } unary => Semantics.Not(Eval(unary.Operand)),
        BUnary unary => Semantics.Negate(Eval(unary.Operand)),
        BBinary { Op: BinaryOp.And } and => And(and),
        BBinary { Op: BinaryOp.Or } or => Or(or),
        BBinary binary => Semantics.Binary(binary.Op, Eval(binary.Left), Eval(binary.Right)),
        BIf conditional => If(conditional),
        BIn membership => In(membership),
        BList list => new ListValue([.. list.Items.Select(Eval)]),
        BField field => Semantics.Field(Eval(field.Target), field.Index),
        BCall call => Semantics.Call(call.Function, call.Arguments.Select(Eval).ToArray()),
        BAggregate aggregate => Aggregate(aggregate),
        _ => UnknownValue.None,
    };

    private Value Lookup(BLookup lookup)
    {
        Value[] keys = [.. lookup.Keys.Select(Eval)];
        Value unknown = keys.Aggregate(Value.True,
            (acc, k) => k is UnknownValue ? Semantics.MergeUnknown(acc, k) : acc);
        return unknown is UnknownValue ? unknown : _rules.Parameters[lookup.Index].Lookup(_asOf, keys);
    }

    private Value And(BBinary and)
    {
        Value left = Eval(and.Left);
        if (left is BooleanValue { Value: false })
        {
            return left;
        }

        Value right = Eval(and.Right);
        if (right is BooleanValue { Value: false })
        {
            return right;
        }

        return left is UnknownValue || right is UnknownValue ? Semantics.MergeUnknown(left, right) : Value.True;
    }

    private Value Or(BBinary or)
    {
        Value left = Eval(or.Left);
        if (left is BooleanValue { Value: true })
        {
            return left;
        }

        Value right = Eval(or.Right);
        if (right is BooleanValue { Value: true })
        {
            return right;
        }

        return left is UnknownValue || right is UnknownValue ? Semantics.MergeUnknown(left, right) : Value.False;
    }

    private Value If(BIf conditional) => Eval(conditional.Condition) switch
    {
        BooleanValue { Value: true } => Eval(conditional.Then),
        BooleanValue => Eval(conditional.Else),
        Value unknown => unknown,
    };

    private Value In(BIn membership)
    {
        Value value = Eval(membership.Value);
        if (membership.Low is not null && membership.High is not null)
        {
            return Between(value, Eval(membership.Low), Eval(membership.High));
        }

        if (membership.List is not null)
        {
            Value list = Eval(membership.List);
            return list is ListValue items
                ? AnyEqual(value, items.Items.AsSpan())
                : Semantics.MergeUnknown(value, list);
        }

        Value[] values = [.. membership.Items.Select(Eval)];
        return AnyEqual(value, values);
    }

    /// <summary>Whether a value is within [low, high], both included; Kleene "and" of the two comparisons.</summary>
    internal static Value Between(Value value, Value low, Value high)
    {
        Value above = Semantics.Binary(BinaryOp.GreaterOrEqual, value, low);
        Value below = Semantics.Binary(BinaryOp.LessOrEqual, value, high);
        if (above is BooleanValue { Value: false } || below is BooleanValue { Value: false })
        {
            return Value.False;
        }

        return above is UnknownValue || below is UnknownValue ? Semantics.MergeUnknown(above, below) : Value.True;
    }

    /// <summary>Kleene "or" of equality with each item: true if any is equal, else unknown if any is unknown.</summary>
    internal static Value AnyEqual(Value value, ReadOnlySpan<Value> items)
    {
        Value result = Value.False;
        foreach (Value item in items)
        {
            Value equal = Semantics.Binary(BinaryOp.Equal, value, item);
            if (equal is BooleanValue { Value: true })
            {
                return equal;
            }

            result = equal is UnknownValue ? Semantics.MergeUnknown(result, equal) : result;
        }

        return result;
    }
}
