using System.Linq.Expressions;
using System.Reflection;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// Lowers checked expressions to System.Linq.Expressions trees over a <see cref="Frame"/> and compiles them.
/// Short-circuits (and, or, if) are spelled out in the tree so that whatever the interpreter leaves unevaluated
/// stays unevaluated here too. What is fixed when the rule set loads is bound into the tree as a constant: the
/// unknown value standing for each missing input, the parameter objects, literal lists; operators go straight to
/// the helper for their operand type, and look-ups and calls with few arguments build no argument array.
/// </summary>
/// <remarks>
/// The typed compiler (<see cref="TypedCompiler"/>) uses one of these for what it does not type, with
/// <paramref name="node"/> deciding how a reference to another definition or table is read.
/// </remarks>
internal sealed class ExpressionCompiler(RuleSet ruleSet, Func<BNode, Expression>? node = null)
{
    private static readonly MethodInfo[] Helpers =
        typeof(CompiledOps).GetMethods(BindingFlags.Public | BindingFlags.Static);
    private static readonly MethodInfo ValueOn = typeof(RuleParameter).GetMethod(nameof(RuleParameter.ValueOn))!;
    private readonly ParameterExpression _frame = Expression.Parameter(typeof(Frame), "frame");

    /// <summary>The frame parameter every tree of this compiler reads.</summary>
    public ParameterExpression FrameParameter => _frame;

    public Func<Frame, Value> Compile(Bound bound) =>
        Expression.Lambda<Func<Frame, Value>>(Lower(bound), _frame).Compile();

    public Expression Lower(Bound bound) => bound switch
    {
        BLiteral literal => Expression.Constant(literal.Value, typeof(Value)),
        BInput input => Expression.Coalesce(
            Expression.ArrayIndex(Expression.Property(_frame, nameof(Frame.Inputs)), Expression.Constant(input.Slot)),
            Expression.Constant(ruleSet.MissingInputs[input.Slot], typeof(Value))),
        BParameter parameter => Expression.Call(Expression.Constant(ruleSet.Parameters[parameter.Index]), ValueOn,
            Expression.Property(_frame, nameof(Frame.AsOf))),
        BLookup lookup => Lookup(lookup),
        BNode reference => node is not null ? node(reference)
            : Helper(nameof(CompiledOps.Node), _frame, Expression.Constant(reference.Index)),
        BLocal local => Expression.ArrayIndex(Expression.Property(_frame, nameof(Frame.Locals)),
            Expression.Constant(local.Slot)),
        BAsOf => Helper(nameof(CompiledOps.AsOf), _frame),
        BUnary unary => Expression.Call(typeof(Semantics),
            unary.Op == UnaryOp.Not ? nameof(Semantics.Not) : nameof(Semantics.Negate), null, Lower(unary.Operand)),
        BBinary { Op: BinaryOp.And } and => ShortCircuit(and, nameof(CompiledOps.IsFalse), nameof(CompiledOps.AndRest)),
        BBinary { Op: BinaryOp.Or } or => ShortCircuit(or, nameof(CompiledOps.IsTrue), nameof(CompiledOps.OrRest)),
        BBinary binary => Helper(BinaryHelper(binary), Expression.Constant(binary.Op), Lower(binary.Left),
            Lower(binary.Right)),
        BIf conditional => If(conditional),
        BIn membership => In(membership),
        BList list => Helper(nameof(CompiledOps.MakeList), Array(list.Items)),
        BField field => Expression.Call(typeof(Semantics), nameof(Semantics.Field), null, Lower(field.Target),
            Expression.Constant(field.Index)),
        BCall call => Call(call),
        BAggregate aggregate => Helper(nameof(CompiledOps.Aggregate), _frame, Lower(aggregate.List),
            Expression.Constant(aggregate),
            Expression.Constant(aggregate.Body is null ? null : Compile(aggregate.Body), typeof(Func<Frame, Value>))),
        _ => Expression.Constant(UnknownValue.None, typeof(Value)),
    };

    /// <summary>The helper for an operator given its operands' declared type; the general one otherwise.</summary>
    private static string BinaryHelper(BBinary binary)
    {
        RuleType type = binary.Left.Type;
        bool arithmetic = binary.Op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide;
        bool comparison = binary.Op is BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less
            or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual;
        if (arithmetic)
        {
            return type.Equals(RuleType.Decimal) ? nameof(CompiledOps.ArithmeticDecimal)
                : type.Equals(RuleType.Integer) && binary.Op != BinaryOp.Divide ? nameof(CompiledOps.ArithmeticInteger)
                : nameof(CompiledOps.Binary);
        }

        if (!comparison)
        {
            return nameof(CompiledOps.Binary);
        }

        return type.Name switch
        {
            "decimal" => nameof(CompiledOps.CompareDecimal),
            "integer" => nameof(CompiledOps.CompareInteger),
            "date" => nameof(CompiledOps.CompareDate),
            "text" => nameof(CompiledOps.CompareText),
            "boolean" => nameof(CompiledOps.CompareBoolean),
            _ => nameof(CompiledOps.Binary),
        };
    }

    private MethodCallExpression Lookup(BLookup lookup)
    {
        ConstantExpression parameter = Expression.Constant(ruleSet.Parameters[lookup.Index]);
        return lookup.Keys.Length switch
        {
            1 => Helper(nameof(CompiledOps.Lookup1), [_frame, parameter, .. lookup.Keys.Select(Lower)]),
            2 => Helper(nameof(CompiledOps.Lookup2), [_frame, parameter, .. lookup.Keys.Select(Lower)]),
            3 => Helper(nameof(CompiledOps.Lookup3), [_frame, parameter, .. lookup.Keys.Select(Lower)]),
            _ => Helper(nameof(CompiledOps.Lookup), _frame, parameter, Array(lookup.Keys)),
        };
    }

    private MethodCallExpression Call(BCall call)
    {
        ConstantExpression function = Expression.Constant(call.Function);
        return call.Arguments.Length switch
        {
            1 => Helper(nameof(CompiledOps.Call1), function, Lower(call.Arguments[0])),
            2 => Helper(nameof(CompiledOps.Call2), function, Lower(call.Arguments[0]), Lower(call.Arguments[1])),
            _ => Helper(nameof(CompiledOps.Call), function, Array(call.Arguments)),
        };
    }

    /// <summary>left; if it settles the answer (test), it is the answer; otherwise combine it with right.</summary>
    private BlockExpression ShortCircuit(BBinary binary, string settles, string rest)
    {
        ParameterExpression left = Expression.Variable(typeof(Value), "left");
        return Expression.Block(typeof(Value), [left],
            Expression.Assign(left, Lower(binary.Left)),
            Expression.Condition(Helper(settles, left), left, Helper(rest, left, Lower(binary.Right)), typeof(Value)));
    }

    private BlockExpression If(BIf conditional)
    {
        ParameterExpression condition = Expression.Variable(typeof(Value), "condition");
        return Expression.Block(typeof(Value), [condition],
            Expression.Assign(condition, Lower(conditional.Condition)),
            Expression.Condition(Helper(nameof(CompiledOps.IsTrue), condition), Lower(conditional.Then),
                Expression.Condition(Helper(nameof(CompiledOps.IsFalse), condition), Lower(conditional.Else),
                    condition, typeof(Value)),
                typeof(Value)));
    }

    private MethodCallExpression In(BIn membership)
    {
        Expression value = Lower(membership.Value);
        if (membership.Low is not null && membership.High is not null)
        {
            return Expression.Call(typeof(Interpreter), nameof(Interpreter.Between), null, value,
                Lower(membership.Low), Lower(membership.High));
        }

        return membership.List is not null
            ? Helper(nameof(CompiledOps.InList), value, Lower(membership.List))
            : Helper(nameof(CompiledOps.InItems), value, Array(membership.Items));
    }

    /// <summary>A new array of the items' values, or the one shared array when every item is a literal.</summary>
    private Expression Array(IEnumerable<Bound> items)
    {
        List<Bound> all = [.. items];
        return all.TrueForAll(i => i is BLiteral)
            ? Expression.Constant(all.Select(i => ((BLiteral)i).Value).ToArray(), typeof(Value[]))
            : Expression.NewArrayInit(typeof(Value), all.Select(Lower));
    }

    private static MethodCallExpression Helper(string name, params Expression[] arguments) =>
        Expression.Call(Helpers.Single(m => m.Name == name && m.GetParameters().Length == arguments.Length),
            arguments);
}
