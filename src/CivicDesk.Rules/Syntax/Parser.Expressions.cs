using System.Collections.Immutable;
using NodaTime.Text;

namespace CivicDesk.Rules.Syntax;

internal sealed partial class Parser
{
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int NotLevel = 3;
    private const int CompareLevel = 4;
    private const int AddLevel = 5;
    private const int MultiplyLevel = 6;
    private const int UnaryLevel = 7;
    private const int MaxTreeDepth = 200;

    /// <summary>Words that cannot name anything: operators, and the words that start a declaration.</summary>
    internal static readonly HashSet<string> ReservedWords =
    [
        "and", "or", "not", "if", "then", "else", "in", "true", "false", "rules", "include", "outputs", "input",
        "parameter", "define", "table", "row", "from",
    ];

    public Expr ParseExpression() => ParseExpression(0);

    private Expr ParseExpression(int minimumLevel)
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"an expression nested at most {MaxDepth} deep");
        }

        Expr left = ParsePrefix();
        while (true)
        {
            (string op, int level) = InfixOperator();
            if (level == 0 || level <= minimumLevel)
            {
                break;
            }

            SourcePosition position = Here;
            Advance();
            Expr right = ParseExpression(level);
            Expr combined = op == "in" ? new InExpr(position, left, right) : new BinaryExpr(position, op, left, right);
            left = Deep(combined, left, right);
            if (level == CompareLevel && InfixOperator().Level == CompareLevel)
            {
                throw Error("'and' or 'or' between comparisons (comparisons do not chain)");
            }
        }

        _depth--;
        return left;
    }

    private (string Op, int Level) InfixOperator()
    {
        Token token = Current;
        return token.Kind switch
        {
            TokenKind.Identifier when AtWord("or") => ("or", OrLevel),
            TokenKind.Identifier when AtWord("and") => ("and", AndLevel),
            TokenKind.Identifier when AtWord("in") => ("in", CompareLevel),
            TokenKind.Equal => ("=", CompareLevel),
            TokenKind.NotEqual => ("<>", CompareLevel),
            TokenKind.Less => ("<", CompareLevel),
            TokenKind.LessOrEqual => ("<=", CompareLevel),
            TokenKind.Greater => (">", CompareLevel),
            TokenKind.GreaterOrEqual => (">=", CompareLevel),
            TokenKind.Plus => ("+", AddLevel),
            TokenKind.Minus => ("-", AddLevel),
            TokenKind.Star => ("*", MultiplyLevel),
            TokenKind.Slash => ("/", MultiplyLevel),
            _ => (string.Empty, 0),
        };
    }

    private Expr ParsePrefix()
    {
        SourcePosition position = Here;
        if (AtWord("if"))
        {
            Advance();
            Expr condition = ParseExpression(0);
            ExpectWord("then");
            Expr then = ParseExpression(0);
            ExpectWord("else");
            Expr otherwise = ParseExpression(0);
            return Deep(new IfExpr(position, condition, then, otherwise), condition, then, otherwise);
        }

        if (AtWord("not"))
        {
            Advance();
            Expr negated = ParseExpression(NotLevel);
            return Deep(new UnaryExpr(position, "not", negated), negated);
        }

        if (Accept(TokenKind.Minus))
        {
            Expr operand = ParseExpression(UnaryLevel);
            return Deep(new UnaryExpr(position, "-", operand), operand);
        }

        return ParsePostfix(ParsePrimary());
    }

    private Expr ParsePostfix(Expr target)
    {
        while (Current.Kind == TokenKind.Dot)
        {
            SourcePosition position = Here;
            Advance();
            target = Deep(new FieldExpr(position, target, ExpectIdentifier("a field name after '.'")), target);
        }

        return target;
    }

    private Expr ParsePrimary()
    {
        SourcePosition position = Here;
        Token token = Current;
        switch (token.Kind)
        {
            case TokenKind.LeftParen:
                Advance();
                Expr inner = ParseExpression(0);
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.LeftBracket:
                return ParseBracket();
            case TokenKind.Identifier:
                return ParseName();
            default:
                return ParseLiteral() ?? throw Error("an expression");
        }
    }

    /// <summary>A literal value, or null when the current token is not one.</summary>
    private Expr? ParseLiteral()
    {
        SourcePosition position = Here;
        Token token = Current;
        Expr? literal = token.Kind switch
        {
            TokenKind.Integer => long.TryParse(SpanOf(token), out long number)
                ? new IntegerLiteral(position, number)
                : throw Error("a whole number below 9,223,372,036,854,775,808"),
            TokenKind.Decimal => TryParseDecimal(SpanOf(token), out decimal value)
                ? new DecimalLiteral(position, value)
                : throw Error("a decimal number of at most 28 digits"),
            TokenKind.Text => new TextLiteral(position, DecodeText(token)),
            TokenKind.Date => new DateLiteral(position, ParseDate(token)),
            TokenKind.Identifier when AtWord("true") => new BooleanLiteral(position, true),
            TokenKind.Identifier when AtWord("false") => new BooleanLiteral(position, false),
            _ => null,
        };
        if (literal is not null)
        {
            Advance();
        }

        return literal;
    }

    private NodaTime.LocalDate ParseDate(Token token)
    {
        ParseResult<NodaTime.LocalDate> result = LocalDatePattern.Iso.Parse(TextOf(token));
        return result.Success ? result.Value : throw Error("a real calendar date (YYYY-MM-DD)");
    }

    private Expr ParseName()
    {
        SourcePosition position = Here;
        Expr? literal = ParseLiteral();
        if (literal is not null)
        {
            return literal;
        }

        if (ReservedWords.Contains(TextOf(Current)))
        {
            throw Error("an expression");
        }

        string name = ExpectIdentifier("a name");
        if (!Accept(TokenKind.LeftParen))
        {
            return new NameExpr(position, name);
        }

        List<Expr> arguments = [];
        if (!Accept(TokenKind.RightParen))
        {
            do
            {
                arguments.Add(ParseArgument());
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RightParen, "',' or ')' after an argument");
        }

        return Deep(new CallExpr(position, name, [.. arguments]), [.. arguments]);
    }

    private Expr ParseArgument()
    {
        SourcePosition position = Here;
        if (Current.Kind == TokenKind.Identifier && _tokens[_index + 1].Kind == TokenKind.Arrow)
        {
            string parameter = TextOf(Current);
            Advance();
            Advance();
            Expr body = ParseExpression(0);
            return Deep(new LambdaExpr(position, parameter, body), body);
        }

        return ParseExpression(0);
    }

    private Expr ParseBracket()
    {
        SourcePosition position = Here;
        Advance();
        if (Accept(TokenKind.RightBracket))
        {
            return new ListExpr(position, []);
        }

        Expr first = ParseExpression(0);
        if (Accept(TokenKind.DotDot))
        {
            Expr high = ParseExpression(0);
            Expect(TokenKind.RightBracket, "']' closing the range");
            return Deep(new RangeExpr(position, first, high), first, high);
        }

        List<Expr> items = [first];
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseExpression(0));
        }

        Expect(TokenKind.RightBracket, "',' or ']' in the list");
        return Deep(new ListExpr(position, [.. items]), [.. items]);
    }

    /// <summary>The node with its depth set from its children's; too deep a tree is a load error.</summary>
    private T Deep<T>(T node, params Expr[] children)
        where T : Expr
    {
        int depth = 1 + (children.Length == 0 ? 0 : children.Max(c => c.Depth));
        if (depth > MaxTreeDepth)
        {
            throw Error($"an expression at most {MaxTreeDepth} operations deep");
        }

        return node with { Depth = depth };
    }

    private ImmutableArray<Expr> ParseLiteralList(string expected)
    {
        List<Expr> items = [];
        do
        {
            items.Add(ParseSignedLiteral() ?? throw Error(expected));
        }
        while (Accept(TokenKind.Comma));
        return [.. items];
    }

    private Expr? ParseSignedLiteral()
    {
        SourcePosition position = Here;
        if (Current.Kind == TokenKind.Minus && _tokens[_index + 1].Kind is TokenKind.Integer or TokenKind.Decimal)
        {
            Advance();
            return new UnaryExpr(position, "-", ParseLiteral()!);
        }

        return ParseLiteral();
    }
}
