namespace CivicDesk.Rules.Syntax;

/// <summary>
/// Splits rule text into tokens. Never throws: a character the language does not know becomes an
/// <see cref="TokenKind.Invalid"/> token that the parser reports with its position.
/// </summary>
internal sealed class Lexer(string text)
{
    private readonly List<Token> _tokens = new(text.Length / 4);
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public List<Token> Tokenize()
    {
        while (true)
        {
            SkipSpaceAndComments();
            if (_position >= text.Length)
            {
                _tokens.Add(new Token(TokenKind.End, _position, 0, _line, Column(_position)));
                return _tokens;
            }

            ReadToken();
        }
    }

    private int Column(int position) => position - _lineStart + 1;

    private void SkipSpaceAndComments()
    {
        while (_position < text.Length)
        {
            char c = text[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _position++;
            }
            else if (c == '#')
            {
                while (_position < text.Length && text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void ReadToken()
    {
        int start = _position;
        char c = text[_position];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_'))
            {
                _position++;
            }

            Add(TokenKind.Identifier, start);
        }
        else if (char.IsAsciiDigit(c))
        {
            ReadNumberOrDate(start);
        }
        else if (c == '"')
        {
            ReadText(start);
        }
        else
        {
            ReadSymbol(start, c);
        }
    }

    private void ReadNumberOrDate(int start)
    {
        if (LooksLikeDate(start))
        {
            _position = start + 10;
            Add(TokenKind.Date, start);
            return;
        }

        SkipDigits();
        TokenKind kind = TokenKind.Integer;
        if (_position + 1 < text.Length && text[_position] == '.' && char.IsAsciiDigit(text[_position + 1]))
        {
            _position++;
            SkipDigits();
            kind = TokenKind.Decimal;
        }

        Add(kind, start);
    }

    private bool LooksLikeDate(int start)
    {
        if (start + 10 > text.Length || (start + 10 < text.Length && char.IsAsciiLetterOrDigit(text[start + 10])))
        {
            return false;
        }

        for (int i = 0; i < 10; i++)
        {
            char c = text[start + i];
            bool dash = i is 4 or 7;
            if (dash ? c != '-' : !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private void SkipDigits()
    {
        while (_position < text.Length && char.IsAsciiDigit(text[_position]))
        {
            _position++;
        }
    }

    private void ReadText(int start)
    {
        _position++;
        while (_position < text.Length && text[_position] != '"' && text[_position] != '\n')
        {
            _position += text[_position] == '\\' && _position + 1 < text.Length && text[_position + 1] != '\n'
                ? 2
                : 1;
        }

        if (_position < text.Length && text[_position] == '"')
        {
            _position++;
            Add(TokenKind.Text, start);
        }
        else
        {
            Add(TokenKind.Invalid, start);
        }
    }

    private void ReadSymbol(int start, char c)
    {
        char next = _position + 1 < text.Length ? text[_position + 1] : '\0';
        (TokenKind kind, int length) = (c, next) switch
        {
            ('.', '.') => (TokenKind.DotDot, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('<', '>') => (TokenKind.NotEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('-', '>') => (TokenKind.Arrow, 2),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('=', _) => (TokenKind.Equal, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            _ => (TokenKind.Invalid, char.IsSurrogatePair(c, next) ? 2 : 1),
        };
        _position += length;
        Add(kind, start);
    }

    private void Add(TokenKind kind, int start) =>
        _tokens.Add(new Token(kind, start, _position - start, _line, Column(start)));
}
