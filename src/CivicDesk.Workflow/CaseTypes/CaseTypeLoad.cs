using System.Collections.Immutable;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>The outcome of loading a case type: the case type, or every problem found.</summary>
public sealed record CaseTypeLoad(CaseType? CaseType, ImmutableArray<FileProblem> Problems)
{
    public bool Succeeded => CaseType is not null;
}
