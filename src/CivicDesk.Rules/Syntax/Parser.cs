using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace CivicDesk.Rules.Syntax;

/// <summary>
/// A hand-written recursive-descent parser (expressions by precedence climbing) for one rule file. The first
/// syntax error stops it with a <see cref="RulesLoadException"/> naming file, line, column, expected and found.
/// </summary>
internal sealed partial class Parser
{
    private const int MaxDepth = 200;
    private readonly string _file;
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    public Parser(string file, string text)
    {
        _file = file;
        _text = text;
        _tokens = new Lexer(text).Tokenize();
    }

    private Token Current => _tokens[_index];

    private SourcePosition Here => PositionOf(Current);

    public static RuleFileSyntax ParseFile(string file, string text) => new Parser(file, text).ParseFile();

    private RuleFileSyntax ParseFile()
    {
        SourcePosition start = Here;
        string? id = null;
        string? version = null;
        Metadata metadata = Metadata.Empty;
        if (AtWord("rules"))
        {
            Advance();
            id = ExpectText("the rule set's id in quotes");
            ExpectWord("version");
            version = ExpectText("the version in quotes");
            metadata = ParseMetadata();
        }

        List<IncludeDecl> includes = [];
        List<string> outputs = [];
        List<Declaration> declarations = [];
        while (Current.Kind != TokenKind.End)
        {
            ParseTopLevel(includes, outputs, declarations);
        }

        return new RuleFileSyntax(start, id, version, metadata, [.. includes], [.. outputs], [.. declarations]);
    }

    private void ParseTopLevel(List<IncludeDecl> includes, List<string> outputs, List<Declaration> declarations)
    {
        SourcePosition position = Here;
        string word = Current.Kind == TokenKind.Identifier ? TextOf(Current) : string.Empty;
        switch (word)
        {
            case "include":
                Advance();
                includes.Add(new IncludeDecl(position, ExpectText("a file name in quotes")));
                break;
            case "outputs":
                Advance();
                outputs.AddRange(ParseNameList());
                break;
            case "input":
                declarations.Add(ParseInput());
                break;
            case "parameter":
                declarations.Add(ParseParameter());
                break;
            case "define":
                declarations.Add(ParseDefine());
                break;
            case "table":
                declarations.Add(ParseTable());
                break;
            default:
                throw Error("a declaration (include, outputs, input, parameter, define or table)");
        }
    }

    private List<string> ParseNameList()
    {
        List<string> names = [ExpectIdentifier("a name")];
        while (Accept(TokenKind.Comma))
        {
            names.Add(ExpectIdentifier("a name"));
        }

        return names;
    }

    private InputDecl ParseInput()
    {
        SourcePosition position = Here;
        Advance();
        string name = ExpectIdentifier("the input's name");
        Expect(TokenKind.Colon, "':' and the input's type");
        TypeSyntax type = ParseType();
        return new InputDecl(position, name, ParseMetadata(), type);
    }

    private DefineDecl ParseDefine()
    {
        SourcePosition position = Here;
        Advance();
        string name = ExpectIdentifier("the definition's name");
        TypeSyntax? type = null;
        if (Accept(TokenKind.Colon))
        {
            type = ParseType();
        }

        Metadata metadata = ParseMetadata();
        Expect(TokenKind.Equal, "'=' and the definition's expression");
        return new DefineDecl(position, name, metadata, type, ParseExpression());
    }

    private TypeSyntax ParseType()
    {
        SourcePosition position = Here;
        string word = ExpectIdentifier("a type (boolean, integer, decimal, text, date, duration, list, record)");
        if (word == "list")
        {
            ExpectWord("of");
            return new ListTypeSyntax(position, ParseType());
        }

        if (word != "record")
        {
            return new NamedTypeSyntax(position, word);
        }

        Expect(TokenKind.LeftParen, "'(' and the record's fields");
        List<(string, TypeSyntax)> fields = [];
        do
        {
            string field = ExpectIdentifier("a field name");
            Expect(TokenKind.Colon, "':' and the field's type");
            fields.Add((field, ParseType()));
        }
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RightParen, "')' closing the record's fields");
        return new RecordTypeSyntax(position, [.. fields]);
    }

    private Metadata ParseMetadata()
    {
        ImmutableDictionary<string, string> labels = ImmutableDictionary<string, string>.Empty;
        string? citation = null;
        string? unit = null;
        while (Current.Kind == TokenKind.Identifier)
        {
            string word = TextOf(Current);
            if (word == "label")
            {
                Advance();
                string language = Accept(TokenKind.Dot) ? ExpectIdentifier("a language code such as es") : "en";
                labels = labels.SetItem(language, ExpectText("the label in quotes"));
            }
            else if (word == "citation")
            {
                Advance();
                citation = ExpectText("the citation in quotes");
            }
            else if (word == "unit")
            {
                Advance();
                unit = ExpectText("the unit in quotes");
            }
            else
            {
                break;
            }
        }

        return new Metadata(labels, citation, unit);
    }

    private SourcePosition PositionOf(Token token) => new(_file, token.Line, token.Column);

    private string TextOf(Token token) => _text.Substring(token.Start, token.Length);

    private ReadOnlySpan<char> SpanOf(Token token) => _text.AsSpan(token.Start, token.Length);

    private bool AtWord(string word) =>
        Current.Kind == TokenKind.Identifier && SpanOf(Current).SequenceEqual(word);

    private void Advance()
    {
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Expect(TokenKind kind, string expected)
    {
        if (!Accept(kind))
        {
            throw Error(expected);
        }
    }

    private void ExpectWord(string word)
    {
        if (!AtWord(word))
        {
            throw Error($"'{word}'");
        }

        Advance();
    }

    private string ExpectIdentifier(string expected)
    {
        if (Current.Kind != TokenKind.Identifier)
        {
            throw Error(expected);
        }

        string name = TextOf(Current);
        Advance();
        return name;
    }

    private string ExpectText(string expected)
    {
        if (Current.Kind != TokenKind.Text)
        {
            throw Error(expected);
        }

        string value = DecodeText(Current);
        Advance();
        return value;
    }

    private string DecodeText(Token token)
    {
        ReadOnlySpan<char> inner = _text.AsSpan(token.Start + 1, token.Length - 2);
        if (!inner.Contains('\\'))
        {
            return inner.ToString();
        }

        StringBuilder builder = new(inner.Length);
        for (int i = 0; i < inner.Length; i++)
        {
            char c = inner[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            i++;
            builder.Append(inner[i] switch
            {
                '"' => '"',
                '\\' => '\\',
                'n' => '\n',
                _ => throw Error("an escape \\\" \\\\ or \\n inside the text"),
            });
        }

        return builder.ToString();
    }

    private RulesLoadException Error(string expected) => new([new RuleDiagnostic(Here, expected, Describe(Current))]);

    private string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "the end of the file",
        TokenKind.Invalid => $"the character '{Shorten(TextOf(token))}'",
        TokenKind.Text => $"the text {Shorten(TextOf(token))}",
        TokenKind.Identifier => $"the word '{Shorten(TextOf(token))}'",
        _ => $"'{Shorten(TextOf(token))}'",
    };

    private static string Shorten(string text) =>
        text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
