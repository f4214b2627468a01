namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>What every row of a run shares: the jurisdiction, the source system, the timeline's actor label.</summary>
internal sealed record ImportTarget(Guid JurisdictionId, string SourceSystem)
{
    public string ActorLabel => "import:" + SourceSystem;
}
