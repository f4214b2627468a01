namespace CivicDesk.Rules.Syntax;

/// <summary>A token as a slice of the source, so that lexing a large parameter table allocates no strings.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, int Line, int Column);
