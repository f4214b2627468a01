namespace CivicDesk.Rules.Checking;

internal enum SymbolKind
{
    Input,
    Parameter,
    Node,
    Local,
}

internal sealed record Symbol(SymbolKind Kind, int Index, RuleType Type);
