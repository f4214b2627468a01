namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// One problem found loading a case type or a calendar file: file, 1-based line and column, and what was expected.
/// </summary>
public sealed record FileProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
