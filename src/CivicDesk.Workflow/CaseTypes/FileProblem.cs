using System.Collections.Immutable;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// One problem found loading a case type or a calendar file: file, 1-based line and column, and what was expected.
/// </summary>
public sealed record FileProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>The outcome of loading a case type: the case type, or every problem found.</summary>
public sealed record CaseTypeLoad(CaseType? CaseType, ImmutableArray<FileProblem> Problems)
{
    public bool Succeeded => CaseType is not null;
}

/// <summary>
/// What a case type is checked against besides its own files: the staff roles that exist (Core's StaffRole
/// names) and the ids of the calendars the caller can provide.
/// </summary>
public sealed record CaseTypeContext(IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> Calendars);
