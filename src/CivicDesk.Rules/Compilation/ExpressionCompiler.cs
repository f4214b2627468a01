using System.Linq.Expressions;
using System.Reflection;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// Lowers checked expressions to System.Linq.Expressions trees over a <see cref="Frame"/> and compiles them.
/// Short-circuits (and, or, if) are spelled out in the tree so that whatever the interpreter leaves unevaluated
/// stays unevaluated here too.
/// </summary>
internal sealed class ExpressionCompiler
{
    private static readonly MethodInfo[] Helpers =
        typeof(CompiledOps).GetMethods(BindingFlags.Public | BindingFlags.Static);
    private readonly ParameterExpression _frame = Expression.Parameter(typeof(Frame), "frame");

    public Func<Frame, Value> Compile(Bound bound) =>
        Expression.Lambda<Func<Frame, Value>>(Lower(bound), _frame).Compile();

    private Expression Lower(Bound bound) => bound switch
    {
        BLiteral literal => Expression.Constant(literal.Value, typeof(Value)),
        BInput input => Helper(nameof(CompiledOps.Input), _frame, Expression.Constant(input.Slot)),
        BParameter parameter => Helper(nameof(CompiledOps.Parameter), _frame, Expression.Constant(parameter.Index)),
        BLookup lookup => Helper(nameof(CompiledOps.Lookup), _frame, Expression.Constant(lookup.Index),
            Array(lookup.Keys)),
        BNode node => Helper(nameof(CompiledOps.Node), _frame, Expression.Constant(node.Index)),
        BLocal local => Expression.ArrayIndex(Expression.Property(_frame, nameof(Frame.Locals)),
            Expression.Constant(local.Slot)),
        BAsOf => Helper(nameof(CompiledOps.AsOf), _frame),
        BUnary unary => Expression.Call(typeof(Semantics),
            unary.Op == UnaryOp.Not ? nameof(Semantics.Not) : nameof(Semantics.Negate), null, Lower(unary.Operand)),
        BBinary { Op: BinaryOp.And } and => ShortCircuit(and, nameof(CompiledOps.IsFalse), nameof(CompiledOps.AndRest)),
        BBinary { Op: BinaryOp.Or } or => ShortCircuit(or, nameof(CompiledOps.IsTrue), nameof(CompiledOps.OrRest)),
        BBinary binary => Expression.Call(typeof(Semantics), nameof(Semantics.Binary), null,
            Expression.Constant(binary.Op), Lower(binary.Left), Lower(binary.Right)),
        BIf conditional => If(conditional),
        BIn membership => In(membership),
        BList list => Helper(nameof(CompiledOps.MakeList), Array(list.Items)),
        BField field => Expression.Call(typeof(Semantics), nameof(Semantics.Field), null, Lower(field.Target),
            Expression.Constant(field.Index)),
        BCall call => Helper(nameof(CompiledOps.Call), Expression.Constant(call.Function), Array(call.Arguments)),
        BAggregate aggregate => Helper(nameof(CompiledOps.Aggregate), _frame, Lower(aggregate.List),
            Expression.Constant(aggregate),
            Expression.Constant(aggregate.Body is null ? null : Compile(aggregate.Body), typeof(Func<Frame, Value>))),
        _ => Expression.Constant(UnknownValue.None, typeof(Value)),
    };

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

    private NewArrayExpression Array(IEnumerable<Bound> items) =>
        Expression.NewArrayInit(typeof(Value), items.Select(Lower));

    private static MethodCallExpression Helper(string name, params Expression[] arguments) =>
        Expression.Call(Helpers.Single(m => m.Name == name && m.GetParameters().Length == arguments.Length),
            arguments);
}
