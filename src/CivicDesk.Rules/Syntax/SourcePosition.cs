namespace CivicDesk.Rules.Syntax;

/// <summary>A place in a rule file: the file name as given to the loader, a 1-based line and column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
