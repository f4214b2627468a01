using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// Compiles the untraced program (<see cref="TypedProgram"/>): every expression whose static type is boolean,
/// integer, decimal, date or text becomes a tree over <see cref="Typed{T}"/> values (raw value plus the unknown it
/// stands for), so that decimals and booleans pass between operations without boxing and definitions are cached in
/// typed slots of the frame. Operators call <see cref="TypedOps"/>; and, or and if are spelled out in the tree with
/// the interpreter's short-circuits. What is not typed here (lists, records, durations, tables, a few functions)
/// goes through the boxed <see cref="ExpressionCompiler"/> and is unboxed where a typed value is needed.
/// </summary>
internal sealed partial class TypedCompiler
{
    private static readonly MethodInfo[] Ops = typeof(TypedOps).GetMethods(BindingFlags.Public | BindingFlags.Static);
    private static readonly MethodInfo ValueOn = typeof(RuleParameter).GetMethod(nameof(RuleParameter.ValueOn))!;
    private static readonly MethodInfo BoxedNode = typeof(CompiledOps).GetMethod(nameof(CompiledOps.BoxedNode))!;
    private static readonly MethodInfo TextEquals =
        typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo TextOrder =
        typeof(string).GetMethod(nameof(string.CompareOrdinal), [typeof(string), typeof(string)])!;

    private readonly RuleSet _ruleSet;
    private readonly TypedProgram _program;
    private readonly ExpressionCompiler _boxed;
    private readonly ParameterExpression _frame;
    private readonly List<string> _untyped = [];
    private readonly List<string> _lookedUp = [];
    private readonly Dictionary<int, TextKeyIndex?> _textIndexes = [];
    private readonly List<string> _indexed = [];
    private string _current = "";

    private TypedCompiler(RuleSet ruleSet, TypedProgram program)
    {
        _ruleSet = ruleSet;
        _program = program;
        _boxed = new ExpressionCompiler(ruleSet, Node);
        _frame = _boxed.FrameParameter;
    }

    /// <summary>Compiles every node of the rule set to the untraced program.</summary>
    public static TypedProgram Build(RuleSet ruleSet)
    {
        TypedProgram program = new(ruleSet);
        foreach (RuleNode node in ruleSet.Nodes)
        {
            program.IsTyped[node.Index] = node is RuleDefinition definition && ClrType(node.Type) is not null
                && definition.Body.Type.Equals(node.Type);
        }

        TypedCompiler compiler = new(ruleSet, program);
        TypedKinds kinds = TypedKinds.None;
        foreach (RuleNode node in ruleSet.Nodes)
        {
            compiler._current = node.Name;
            if (node is DecisionTable table)
            {
                CompiledTable boxed = CompiledRuleSet.CompileTable(compiler._boxed, table);
                Func<Frame, Value[], int>? matcher = compiler.Matcher(table);
                if (matcher is null)
                {
                    compiler._untyped.Add($"{node.Name}: rows");
                }

                program.Boxed[node.Index] = matcher is null
                    ? frame => CompiledOps.Table(frame, boxed)
                    : frame => CompiledOps.TypedTable(frame, boxed, matcher);
                continue;
            }

            if (!program.IsTyped[node.Index])
            {
                program.Boxed[node.Index] = CompiledRuleSet.CompileNode(compiler._boxed, node);
                continue;
            }

            Bound body = ((RuleDefinition)node).Body;
            Type clr = ClrType(node.Type)!;
            Delegate compiled = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(Frame), TypedOf(clr)),
                compiler.Lower(body), compiler._frame).Compile();
            kinds |= compiler.Store(clr, node.Index, compiled);
        }

        program.Kinds = kinds;
        program.Untyped = [.. compiler._untyped];
        program.LookedUpTables = [.. compiler._lookedUp];
        program.IndexedParameters = [.. compiler._indexed];
        program.Outputs = [.. ruleSet.Outputs.Select(output => Expression.Lambda<Func<Frame, Value>>(
            compiler._boxed.Lower(new BNode(output.Type, output.Index)), compiler._frame).Compile())];
        return program;
    }

    /// <summary>The CLR type of a language type on the typed path, or null when it stays boxed.</summary>
    public static Type? ClrType(RuleType type) => type.Name switch
    {
        "decimal" => typeof(decimal),
        "integer" => typeof(long),
        "boolean" => typeof(bool),
        "date" => typeof(LocalDate),
        "text" => typeof(string),
        _ => null,
    };

    private static Type TypedOf(Type clr) => typeof(Typed<>).MakeGenericType(clr);

    private TypedKinds Store(Type clr, int index, Delegate compiled)
    {
        switch (compiled)
        {
            case Func<Frame, Typed<decimal>> body:
                _program.Decimals[index] = body;
                return TypedKinds.Decimal;
            case Func<Frame, Typed<long>> body:
                _program.Integers[index] = body;
                return TypedKinds.Integer;
            case Func<Frame, Typed<bool>> body:
                _program.Booleans[index] = body;
                return TypedKinds.Boolean;
            case Func<Frame, Typed<LocalDate>> body:
                _program.Dates[index] = body;
                return TypedKinds.Date;
            case Func<Frame, Typed<string>> body:
                _program.Texts[index] = body;
                return TypedKinds.Text;
            default:
                throw new InvalidOperationException($"no typed slot for {clr}");
        }
    }

    /// <summary>How the boxed compiler reads a node: boxing a typed one, or through the boxed program.</summary>
    private MethodCallExpression Node(BNode node) => _program.IsTyped[node.Index]
        ? Box(TypedNode(node))
        : Expression.Call(BoxedNode, _frame, Expression.Constant(node.Index), Expression.Constant(_program.Boxed));

    private MethodCallExpression TypedNode(BNode node)
    {
        Type clr = ClrType(node.Type)!;
        (string slots, object bodies) = clr switch
        {
            _ when clr == typeof(decimal) => (nameof(Frame.Decimals), (object)_program.Decimals),
            _ when clr == typeof(long) => (nameof(Frame.Integers), _program.Integers),
            _ when clr == typeof(bool) => (nameof(Frame.Booleans), _program.Booleans),
            _ when clr == typeof(LocalDate) => (nameof(Frame.Dates), _program.Dates),
            _ => (nameof(Frame.Texts), _program.Texts),
        };
        return Expression.Call(Generic(nameof(TypedOps.Node), clr), _frame, Expression.Property(_frame, slots),
            Expression.Constant(bodies), Expression.Constant(node.Index));
    }

    /// <summary>An expression of type <c>Typed&lt;T&gt;</c> for a bound expression of a typed language type.</summary>
    private Expression Lower(Bound bound)
    {
        Type clr = ClrType(bound.Type) ?? throw new InvalidOperationException($"{bound.Type} is not typed");
        if (TryLower(bound, clr) is { } typed)
        {
            return typed;
        }

        _untyped.Add($"{_current}: {bound.GetType().Name[1..]}");
        return Unbox(clr, _boxed.Lower(bound));
    }

    private Expression? TryLower(Bound bound, Type clr) => bound switch
    {
        BLiteral literal => Literal(clr, literal.Value),
        BInput input => Expression.Call(Generic(nameof(TypedOps.Input), clr),
            Expression.ArrayIndex(Expression.Property(_frame, nameof(Frame.Inputs)), Expression.Constant(input.Slot)),
            Expression.Constant(_ruleSet.MissingInputs[input.Slot])),
        BParameter parameter => Unbox(clr, Expression.Call(Expression.Constant(_ruleSet.Parameters[parameter.Index]),
            ValueOn, Expression.Property(_frame, nameof(Frame.AsOf)))),
        BLookup lookup => Lookup(lookup, clr),
        BNode node when _program.IsTyped[node.Index] => TypedNode(node),
        // List items and record fields are boxed values already: read them boxed, unbox once.
        BLocal or BField => Unbox(clr, _boxed.Lower(bound)),
        BAsOf => Expression.Call(Op(nameof(TypedOps.AsOf), typeof(Frame)), _frame),
        BUnary { Op: UnaryOp.Not } unary => Expression.Call(Op(nameof(TypedOps.Not), TypedOf(clr)),
            Lower(unary.Operand)),
        BUnary unary when clr == typeof(decimal) || clr == typeof(long) =>
            Expression.Call(Op(nameof(TypedOps.Negate), TypedOf(clr)), Lower(unary.Operand)),
        BBinary { Op: BinaryOp.And } and => ShortCircuit(and, nameof(TypedOps.IsFalse), nameof(TypedOps.AndRest)),
        BBinary { Op: BinaryOp.Or } or => ShortCircuit(or, nameof(TypedOps.IsTrue), nameof(TypedOps.OrRest)),
        BBinary binary => Binary(binary),
        BIf conditional => If(conditional, clr),
        BIn membership => In(membership),
        BCall call => Call(call),
        BAggregate aggregate => Aggregate(aggregate),
        _ => null,
    };

    private Expression? Binary(BBinary binary)
    {
        Type? operand = ClrType(binary.Left.Type);
        if (operand is null || ClrType(binary.Right.Type) != operand)
        {
            return null;
        }

        string? arithmetic = binary.Op switch
        {
            BinaryOp.Add => nameof(TypedOps.Add),
            BinaryOp.Subtract => nameof(TypedOps.Subtract),
            BinaryOp.Multiply => nameof(TypedOps.Multiply),
            BinaryOp.Divide when operand == typeof(decimal) => nameof(TypedOps.Divide),
            _ => null,
        };
        if (arithmetic is not null)
        {
            return operand == typeof(decimal) || operand == typeof(long)
                ? Expression.Call(Op(arithmetic, TypedOf(operand), TypedOf(operand)), Lower(binary.Left),
                    Lower(binary.Right))
                : null;
        }

        return binary.Op is BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessOrEqual
            or BinaryOp.Greater or BinaryOp.GreaterOrEqual
            ? Comparison(binary.Op, operand, Lower(binary.Left), Lower(binary.Right))
            : null;
    }

    /// <summary>Both operands known: compare the raw values; otherwise the merged unknown.</summary>
    private static BlockExpression? Comparison(BinaryOp op, Type operand, Expression leftValue, Expression rightValue)
    {
        ParameterExpression left = Expression.Variable(TypedOf(operand), "left");
        ParameterExpression right = Expression.Variable(TypedOf(operand), "right");
        Expression? compared = Compare(op, operand, Expression.Field(left, nameof(Typed<int>.Value)),
            Expression.Field(right, nameof(Typed<int>.Value)));
        if (compared is null)
        {
            return null;
        }

        Expression leftUnknown = Expression.Field(left, nameof(Typed<int>.Unknown));
        Expression rightUnknown = Expression.Field(right, nameof(Typed<int>.Unknown));
        Expression bothKnown = Expression.AndAlso(
            Expression.ReferenceEqual(leftUnknown, Expression.Constant(null, typeof(UnknownValue))),
            Expression.ReferenceEqual(rightUnknown, Expression.Constant(null, typeof(UnknownValue))));
        return Expression.Block(typeof(Typed<bool>), [left, right],
            Expression.Assign(left, leftValue),
            Expression.Assign(right, rightValue),
            Expression.Condition(bothKnown,
                Expression.Call(Generic(nameof(TypedOps.Known), typeof(bool)), compared),
                Expression.Call(Generic(nameof(TypedOps.Strict), typeof(bool)), leftUnknown, rightUnknown)));
    }

    /// <summary>The comparison of two known raw values, as <c>ValueOps.Compare</c> does it for their type.</summary>
    private static Expression? Compare(BinaryOp op, Type operand, Expression left, Expression right)
    {
        if (operand == typeof(string))
        {
            return op switch
            {
                BinaryOp.Equal => Expression.Call(TextEquals, left, right),
                BinaryOp.NotEqual => Expression.Not(Expression.Call(TextEquals, left, right)),
                _ => Order(op, Expression.Call(TextOrder, left, right)),
            };
        }

        if (operand == typeof(bool))
        {
            return op switch
            {
                BinaryOp.Equal => Expression.Equal(left, right),
                BinaryOp.NotEqual => Expression.NotEqual(left, right),
                _ => Order(op, Expression.Call(left, typeof(bool).GetMethod(nameof(bool.CompareTo), [typeof(bool)])!,
                    right)),
            };
        }

        return op switch
        {
            BinaryOp.Equal => Expression.Equal(left, right),
            BinaryOp.NotEqual => Expression.NotEqual(left, right),
            BinaryOp.Less => Expression.LessThan(left, right),
            BinaryOp.LessOrEqual => Expression.LessThanOrEqual(left, right),
            BinaryOp.Greater => Expression.GreaterThan(left, right),
            BinaryOp.GreaterOrEqual => Expression.GreaterThanOrEqual(left, right),
            _ => null,
        };
    }

    private static BinaryExpression? Order(BinaryOp op, Expression order)
    {
        ConstantExpression zero = Expression.Constant(0);
        return op switch
        {
            BinaryOp.Less => Expression.LessThan(order, zero),
            BinaryOp.LessOrEqual => Expression.LessThanOrEqual(order, zero),
            BinaryOp.Greater => Expression.GreaterThan(order, zero),
            BinaryOp.GreaterOrEqual => Expression.GreaterThanOrEqual(order, zero),
            _ => null,
        };
    }

    /// <summary>left; if it settles the answer (test), it is the answer; otherwise combine it with right.</summary>
    private BlockExpression ShortCircuit(BBinary binary, string settles, string rest)
    {
        ParameterExpression left = Expression.Variable(typeof(Typed<bool>), "left");
        return Expression.Block(typeof(Typed<bool>), [left],
            Expression.Assign(left, Lower(binary.Left)),
            Expression.Condition(Expression.Call(Op(settles, typeof(Typed<bool>)), left), left,
                Expression.Call(Op(rest, typeof(Typed<bool>), typeof(Typed<bool>)), left, Lower(binary.Right))));
    }

    /// <summary>The taken branch only; an unknown condition is the answer (neither branch evaluated).</summary>
    private BlockExpression If(BIf conditional, Type clr)
    {
        ParameterExpression condition = Expression.Variable(typeof(Typed<bool>), "condition");
        Expression unknown = Expression.Field(condition, nameof(Typed<bool>.Unknown));
        return Expression.Block(TypedOf(clr), [condition],
            Expression.Assign(condition, Lower(conditional.Condition)),
            Expression.Condition(
                Expression.ReferenceNotEqual(unknown, Expression.Constant(null, typeof(UnknownValue))),
                Expression.Call(Generic(nameof(TypedOps.Strict), clr), unknown, unknown),
                Expression.Condition(Expression.Field(condition, nameof(Typed<bool>.Value)),
                    Lower(conditional.Then), Lower(conditional.Else))));
    }

    private Expression? In(BIn membership)
    {
        Type? clr = ClrType(membership.Value.Type);
        if (clr is null || membership.List is not null)
        {
            return null;
        }

        if (membership.Low is not null && membership.High is not null)
        {
            return clr == typeof(decimal) || clr == typeof(long) || clr == typeof(LocalDate)
                ? Expression.Call(Generic(nameof(TypedOps.Between), clr), Lower(membership.Value),
                    Lower(membership.Low), Lower(membership.High))
                : null;
        }

        if (membership.Items.Any(item => ClrType(item.Type) != clr))
        {
            return null;
        }

        ParameterExpression value = Expression.Variable(TypedOf(clr), "value");
        return Expression.Block(typeof(Typed<bool>), [value], Expression.Assign(value, Lower(membership.Value)),
            AnyEqual(clr, value, membership.Items));
    }

    /// <summary>Kleene "or" of the value's equality with each item (all items evaluated, left to right).</summary>
    private Expression AnyEqual(Type clr, Expression value, ImmutableArray<Bound> items)
    {
        Expression result = Known(typeof(bool), false);
        MethodInfo step = Generic(nameof(TypedOps.InStep), clr);
        foreach (Bound item in items)
        {
            result = Expression.Call(step, result, value, Lower(item));
        }

        return result;
    }
}
