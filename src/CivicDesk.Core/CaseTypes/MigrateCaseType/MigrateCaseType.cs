using CivicDesk.Core.Cases;

namespace CivicDesk.Core.CaseTypes.MigrateCaseType;

/// <summary>
/// Moves the open cases of one case type version to a later one. Each state a case may be in maps to a state of
/// the new version; every state holding open cases must be mapped. With <see cref="Preview"/> nothing changes
/// and the answer says how many cases each mapping would move.
/// </summary>
public sealed record MigrateCaseType(
    string JurisdictionCode,
    string Key,
    int FromVersion,
    int ToVersion,
    IReadOnlyDictionary<string, string> StateMap,
    bool Preview,
    Actor Actor);

/// <summary>How many open cases each mapping moved, or would move in a preview.</summary>
public sealed record CaseTypeMigration(
    string Key,
    int FromVersion,
    int ToVersion,
    IReadOnlyList<StateMove> Moves,
    bool Preview)
{
    public int Total => Moves.Sum(m => m.Cases);
}

public sealed record StateMove(string From, string To, int Cases);
