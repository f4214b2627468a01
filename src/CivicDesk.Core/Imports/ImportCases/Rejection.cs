namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>A source row that could not become a case, with the reason written to the run's report.</summary>
internal sealed record Rejection(long LineNumber, string? SourceKey, string Reason)
{
    public const string ReferenceInUse =
        "reference-in-use: another case of the jurisdiction already has this key as its reference";
}
