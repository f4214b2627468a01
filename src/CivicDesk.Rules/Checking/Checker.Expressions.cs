using System.Collections.Immutable;
using CivicDesk.Rules.Syntax;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Checking;

internal sealed partial class Checker
{
    /// <summary>
    /// Binds an expression. Checking a definition on first use nests inside the expression that uses it, so the
    /// nesting is bounded here to keep the checker's own recursion safe.
    /// </summary>
    private Bound Bind(Expr expr)
    {
        if (_bindDepth >= MaxBindDepth)
        {
            throw Fail(expr.Position, $"definitions and expressions nested at most {MaxBindDepth} deep in all",
                "deeper nesting");
        }

        _bindDepth++;
        try
        {
            return BindCore(expr);
        }
        finally
        {
            _bindDepth--;
        }
    }

    private Bound BindCore(Expr expr) => expr switch
    {
        IntegerLiteral literal => new BLiteral(RuleType.Integer, Value.Of(literal.Value)),
        DecimalLiteral literal => new BLiteral(RuleType.Decimal, Value.Of(literal.Value)),
        TextLiteral literal => new BLiteral(RuleType.Text, Value.Of(literal.Value)),
        BooleanLiteral literal => new BLiteral(RuleType.Boolean, Value.Of(literal.Value)),
        DateLiteral literal => new BLiteral(RuleType.Date, Value.Of(literal.Value)),
        NameExpr name => BindName(name),
        UnaryExpr unary => BindUnary(unary),
        BinaryExpr binary => BindBinary(binary),
        IfExpr conditional => BindIf(conditional),
        InExpr membership => BindIn(membership),
        ListExpr list => BindList(list),
        RangeExpr range => throw Fail(range.Position, "a range only after 'in' or in a table cell", "a range"),
        CallExpr call => BindCall(call),
        LambdaExpr lambda => throw Fail(lambda.Position, "a function such as any or count around 'x -> ...'",
            "a lone 'x -> ...'"),
        FieldExpr field => BindField(field),
        _ => throw Fail(expr.Position, "an expression", "something else"),
    };

    private Bound BindName(NameExpr name)
    {
        for (int i = _locals.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_locals[i].Name, name.Name, StringComparison.Ordinal))
            {
                return new BLocal(_locals[i].Type, _locals[i].Slot, name.Name);
            }
        }

        if (name.Name == "as_of")
        {
            return new BAsOf();
        }

        if (!_symbols.TryGetValue(name.Name, out Symbol? symbol))
        {
            throw Fail(name.Position, "a declared input, parameter, definition or table", $"'{name.Name}'");
        }

        if (_references.Count > 0)
        {
            _references.Peek().Add(name.Name);
        }

        return symbol.Kind switch
        {
            SymbolKind.Input => new BInput(symbol.Type, symbol.Index, name.Name),
            SymbolKind.Parameter when _parameters[symbol.Index].IsTable =>
                throw Fail(name.Position, $"'{name.Name}(key, ...)' to look up the table", $"'{name.Name}' alone"),
            SymbolKind.Parameter => new BParameter(symbol.Type, symbol.Index),
            _ => new BNode(CheckNode(symbol.Index), symbol.Index),
        };
    }

    private Bound BindUnary(UnaryExpr unary)
    {
        Bound operand = Bind(unary.Operand);
        if (unary.Operator == "not")
        {
            Require(operand, RuleType.Boolean, unary.Operand.Position, "a boolean after 'not'");
            return new BUnary(RuleType.Boolean, UnaryOp.Not, operand);
        }

        return operand switch
        {
            BLiteral { Value: IntegerValue i } when i.Value != long.MinValue =>
                new BLiteral(operand.Type, Value.Of(-i.Value)),
            BLiteral { Value: DecimalValue d } => new BLiteral(operand.Type, Value.Of(-d.Value)),
            _ when operand.Type.IsNumeric => new BUnary(operand.Type, UnaryOp.Negate, operand),
            _ => throw Fail(unary.Operand.Position, "a number after '-'", operand.Type.Name),
        };
    }

    private BBinary BindBinary(BinaryExpr binary)
    {
        Bound left = Bind(binary.Left);
        Bound right = Bind(binary.Right);
        (left, right) = Unify(left, right);
        return binary.Operator switch
        {
            "and" or "or" => BindLogic(binary, left, right),
            "+" or "-" or "*" or "/" => BindArithmetic(binary, left, right),
            _ => BindComparison(binary, left, right),
        };
    }

    private static BBinary BindLogic(BinaryExpr binary, Bound left, Bound right)
    {
        string expected = $"a boolean on each side of '{binary.Operator}'";
        Require(left, RuleType.Boolean, binary.Left.Position, expected);
        Require(right, RuleType.Boolean, binary.Right.Position, expected);
        return new BBinary(RuleType.Boolean, binary.Operator == "and" ? BinaryOp.And : BinaryOp.Or, left, right);
    }

    private static BBinary BindArithmetic(BinaryExpr binary, Bound left, Bound right)
    {
        string op = binary.Operator;
        if (left.Type.Equals(RuleType.Date) && right.Type.Equals(RuleType.Duration) && op is "+" or "-")
        {
            return new BBinary(RuleType.Date, op == "+" ? BinaryOp.DatePlus : BinaryOp.DateMinus, left, right);
        }

        if (!left.Type.IsNumeric)
        {
            throw Fail(binary.Left.Position, $"a number on the left of '{op}'", left.Type.Name);
        }

        Require(right, left.Type, binary.Right.Position, $"{Article(left.Type)} on the right of '{op}'");
        if (op == "/" && left.Type.Equals(RuleType.Integer))
        {
            throw Fail(binary.Position, "decimal operands for '/' (write decimal(x) to divide whole numbers)",
                "integers");
        }

        BinaryOp kind = op switch
        {
            "+" => BinaryOp.Add,
            "-" => BinaryOp.Subtract,
            "*" => BinaryOp.Multiply,
            _ => BinaryOp.Divide,
        };
        return new BBinary(left.Type, kind, left, right);
    }

    private static BBinary BindComparison(BinaryExpr binary, Bound left, Bound right)
    {
        string op = binary.Operator;
        Require(right, left.Type, binary.Right.Position, $"{Article(left.Type)} on the right of '{op}'");
        bool ordering = op is "<" or "<=" or ">" or ">=";
        if (ordering ? !left.Type.IsOrdered : left.Type is ListType or RecordType)
        {
            throw Fail(binary.Left.Position,
                ordering ? $"a number or a date on the left of '{op}'" : $"a single value on the left of '{op}'",
                left.Type.Name);
        }

        return new BBinary(RuleType.Boolean, ComparisonOp(op), left, right);
    }

    private static BinaryOp ComparisonOp(string op) => op switch
    {
        "=" => BinaryOp.Equal,
        "<>" => BinaryOp.NotEqual,
        "<" => BinaryOp.Less,
        "<=" => BinaryOp.LessOrEqual,
        ">" => BinaryOp.Greater,
        _ => BinaryOp.GreaterOrEqual,
    };

    private BIf BindIf(IfExpr conditional)
    {
        Bound condition = Bind(conditional.Condition);
        Require(condition, RuleType.Boolean, conditional.Condition.Position, "a boolean condition after 'if'");
        (Bound then, Bound otherwise) = Unify(Bind(conditional.Then), Bind(conditional.Else));
        Require(otherwise, then.Type, conditional.Else.Position, $"{Article(then.Type)} after 'else', like 'then'");
        return new BIf(then.Type, condition, then, otherwise);
    }

    private BIn BindIn(InExpr membership)
    {
        Bound value = Bind(membership.Value);
        switch (membership.Set)
        {
            case RangeExpr range:
                if (!value.Type.IsOrdered)
                {
                    throw Fail(membership.Value.Position, "a number or a date before 'in [low..high]'",
                        value.Type.Name);
                }

                Bound low = Coerce(Bind(range.Low), value.Type, range.Low.Position, "the range's low end");
                Bound high = Coerce(Bind(range.High), value.Type, range.High.Position, "the range's high end");
                return new BIn(value, [], low, high, null);
            case ListExpr list:
                ImmutableArray<Bound> items =
                    [.. list.Items.Select(i => Coerce(Bind(i), value.Type, i.Position, "a list item"))];
                return new BIn(value, items, null, null, null);
            default:
                Bound set = Bind(membership.Set);
                Require(set, RuleType.ListOf(value.Type), membership.Set.Position, "a list of " + value.Type.Name);
                return new BIn(value, [], null, null, set);
        }
    }

    private BList BindList(ListExpr list)
    {
        if (list.Items.IsEmpty)
        {
            throw Fail(list.Position, "a list with at least one item (its type comes from them)", "[]");
        }

        Bound first = Bind(list.Items[0]);
        ImmutableArray<Bound> items =
            [first, .. list.Items.Skip(1).Select(i => Coerce(Bind(i), first.Type, i.Position, "a list item"))];
        return new BList(RuleType.ListOf(first.Type), items);
    }

    private BField BindField(FieldExpr field)
    {
        Bound target = Bind(field.Target);
        if (target.Type is not RecordType record)
        {
            throw Fail(field.Target.Position, $"a record before '.{field.Field}'", target.Type.Name);
        }

        int index = record.IndexOf(field.Field);
        if (index < 0)
        {
            throw Fail(field.Position, "one of the fields " + string.Join(", ", record.Fields.Select(f => f.Name)),
                $"'{field.Field}'");
        }

        return new BField(record.Fields[index].Type, target, index);
    }

    /// <summary>A whole-number literal beside a decimal is read as a decimal literal; nothing else converts.</summary>
    private static (Bound Left, Bound Right) Unify(Bound left, Bound right)
    {
        if (left.Type.Equals(RuleType.Decimal))
        {
            return (left, AsDecimalLiteral(right) ?? right);
        }

        return right.Type.Equals(RuleType.Decimal) ? (AsDecimalLiteral(left) ?? left, right) : (left, right);
    }

    private static BLiteral? AsDecimalLiteral(Bound bound) =>
        bound is BLiteral { Value: IntegerValue integer }
            ? new BLiteral(RuleType.Decimal, Value.Of((decimal)integer.Value))
            : null;

    private static Bound Coerce(Bound bound, RuleType target, SourcePosition position, string what)
    {
        if (target.Equals(RuleType.Decimal) && AsDecimalLiteral(bound) is { } literal)
        {
            return literal;
        }

        Require(bound, target, position, $"{Article(target)} for {what}");
        return bound;
    }

    private static void Require(Bound bound, RuleType type, SourcePosition position, string expected)
    {
        if (!bound.Type.Equals(type))
        {
            throw Fail(position, expected, bound.Type.Name);
        }
    }

    private static string Article(RuleType type) =>
        type.Name.Length > 0 && "aeiou".Contains(type.Name[0], StringComparison.Ordinal)
            ? "an " + type.Name
            : "a " + type.Name;
}
