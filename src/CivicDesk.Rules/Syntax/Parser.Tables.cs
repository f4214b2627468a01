using System.Collections.Immutable;
using NodaTime;

namespace CivicDesk.Rules.Syntax;

internal sealed partial class Parser
{
    private ParameterDecl ParseParameter()
    {
        SourcePosition position = Here;
        Advance();
        bool isTable = AtWord("table");
        if (isTable)
        {
            Advance();
        }

        string name = ExpectIdentifier("the parameter's name");
        List<(string, TypeSyntax)> keys = [];
        if (isTable)
        {
            Expect(TokenKind.LeftParen, "'(' and the table's keys");
            do
            {
                string key = ExpectIdentifier("a key name");
                Expect(TokenKind.Colon, "':' and the key's type");
                keys.Add((key, ParseType()));
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RightParen, "')' closing the table's keys");
        }

        Expect(TokenKind.Colon, "':' and the parameter's value type");
        TypeSyntax valueType = ParseType();
        Metadata metadata = ParseMetadata();
        List<ParameterPeriod> periods = [];
        do
        {
            periods.Add(ParsePeriod(isTable));
        }
        while (AtWord("from"));
        return new ParameterDecl(position, name, metadata, [.. keys], valueType, [.. periods]);
    }

    private ParameterPeriod ParsePeriod(bool isTable)
    {
        SourcePosition position = Here;
        ExpectWord("from");
        LocalDate from = ExpectDate();
        LocalDate? until = null;
        if (AtWord("until"))
        {
            Advance();
            until = ExpectDate();
        }

        if (!isTable)
        {
            Expect(TokenKind.Colon, "':' and the value in force from that date");
            Expr value = ParseSignedLiteral() ?? throw Error("a literal value");
            return new ParameterPeriod(position, from, until, value, [], []);
        }

        ImmutableArray<Expr> columns = [];
        if (AtWord("columns"))
        {
            Advance();
            columns = ParseLiteralList("a literal value of the last key");
        }

        List<ParameterRow> rows = [];
        while (IsLiteralStart())
        {
            rows.Add(ParseParameterRow());
        }

        return new ParameterPeriod(position, from, until, null, columns, [.. rows]);
    }

    private ParameterRow ParseParameterRow()
    {
        SourcePosition position = Here;
        ImmutableArray<Expr> keys = ParseLiteralList("a literal key");
        Expect(TokenKind.Colon, "':' between the keys and the values");
        List<Expr> values = [];
        do
        {
            values.Add(ParseSignedLiteral() ?? throw Error("a literal value"));
        }
        while (IsLiteralStart() && _tokens[_index + 1].Kind != TokenKind.Colon
            && _tokens[_index + 1].Kind != TokenKind.Comma);
        return new ParameterRow(position, keys, [.. values]);
    }

    private bool IsLiteralStart() => Current.Kind switch
    {
        TokenKind.Integer or TokenKind.Decimal or TokenKind.Text or TokenKind.Date => true,
        TokenKind.Minus => true,
        TokenKind.Identifier => AtWord("true") || AtWord("false"),
        _ => false,
    };

    private LocalDate ExpectDate()
    {
        if (Current.Kind != TokenKind.Date)
        {
            throw Error("a date (YYYY-MM-DD)");
        }

        LocalDate date = ParseDate(Current);
        Advance();
        return date;
    }

    private TableDecl ParseTable()
    {
        SourcePosition position = Here;
        Advance();
        string name = ExpectIdentifier("the table's name");
        Metadata metadata = ParseMetadata();
        ExpectWord("hit");
        HitPolicy policy = ParseHitPolicy();
        bool complete = AtWord("complete");
        if (complete)
        {
            Advance();
        }

        List<Expr> inputs = [];
        while (AtWord("input"))
        {
            Advance();
            inputs.Add(ParseExpression());
        }

        List<OutputColumn> outputs = [];
        while (AtWord("output"))
        {
            outputs.Add(ParseOutputColumn());
        }

        List<TableRow> rows = [];
        while (AtWord("row"))
        {
            rows.Add(ParseRow());
        }

        if (outputs.Count == 0 || rows.Count == 0)
        {
            throw Error(outputs.Count == 0 ? "'output' and a column of the table" : "'row' and a rule of the table");
        }

        return new TableDecl(position, name, metadata, policy, complete, [.. inputs], [.. outputs], [.. rows]);
    }

    private HitPolicy ParseHitPolicy()
    {
        string word = ExpectIdentifier("a hit policy (unique, first, priority, collect or collect sum)");
        HitPolicy? policy = word switch
        {
            "unique" => HitPolicy.Unique,
            "first" => HitPolicy.First,
            "priority" => HitPolicy.Priority,
            "collect" when AtWord("sum") => HitPolicy.CollectSum,
            "collect" => HitPolicy.Collect,
            _ => null,
        };
        if (policy is null)
        {
            _index--;
            throw Error("a hit policy (unique, first, priority, collect or collect sum)");
        }

        if (policy == HitPolicy.CollectSum)
        {
            Advance();
        }

        return policy.Value;
    }

    private OutputColumn ParseOutputColumn()
    {
        SourcePosition position = Here;
        Advance();
        string name = ExpectIdentifier("the output column's name");
        Expect(TokenKind.Colon, "':' and the output column's type");
        TypeSyntax type = ParseType();
        ImmutableArray<Expr> order = [];
        if (AtWord("order"))
        {
            Advance();
            order = ParseLiteralList("a literal value, highest priority first");
        }

        return new OutputColumn(position, name, type, order);
    }

    private TableRow ParseRow()
    {
        SourcePosition position = Here;
        Advance();
        string id = ExpectIdentifier("the row's id");
        Expect(TokenKind.Colon, "':' and the row's input cells");
        List<Cell> cells = [];
        if (Current.Kind != TokenKind.Arrow)
        {
            do
            {
                cells.Add(ParseCell());
            }
            while (Accept(TokenKind.Comma));
        }

        Expect(TokenKind.Arrow, "'->' and the row's outputs");
        List<Expr> outputs = [ParseExpression()];
        while (Accept(TokenKind.Comma))
        {
            outputs.Add(ParseExpression());
        }

        return new TableRow(position, id, ParseMetadata(), [.. cells], [.. outputs]);
    }

    private Cell ParseCell()
    {
        SourcePosition position = Here;
        TokenKind next = _tokens[Math.Min(_index + 1, _tokens.Count - 1)].Kind;
        if (Current.Kind == TokenKind.Minus && next is TokenKind.Comma or TokenKind.Arrow)
        {
            Advance();
            return new AnyCell(position);
        }

        string? op = Current.Kind switch
        {
            TokenKind.Less => "<",
            TokenKind.LessOrEqual => "<=",
            TokenKind.Greater => ">",
            TokenKind.GreaterOrEqual => ">=",
            TokenKind.Equal => "=",
            TokenKind.NotEqual => "<>",
            _ => null,
        };
        if (op is not null)
        {
            Advance();
            return new CompareCell(position, op, ParseExpression(CompareLevel));
        }

        Expr value = ParseExpression(CompareLevel);
        return value switch
        {
            RangeExpr range => new RangeCell(position, range.Low, range.High),
            ListExpr list => new ListCell(position, list.Items),
            _ => new CompareCell(position, "=", value),
        };
    }
}
