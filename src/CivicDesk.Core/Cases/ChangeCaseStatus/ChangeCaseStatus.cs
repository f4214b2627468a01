using CivicDesk.Core.Cases.Scope;

namespace CivicDesk.Core.Cases.ChangeCaseStatus;

/// <summary>
/// Moves a case to another status, optionally with a note the resident will see. A case pinned to a case type is
/// moved by one of its transitions: named by <see cref="Transition"/>, or found from <see cref="Status"/> when
/// exactly one leads there, with the <see cref="Fields"/> it requires. An unpinned case needs only the status.
/// </summary>
public sealed record ChangeCaseStatus(
    StaffCaller Caller,
    Guid CaseId,
    int ExpectedVersion,
    CaseStatus? Status,
    string? PublicNote)
{
    /// <summary>The case type's transition id (pinned cases only).</summary>
    public string? Transition { get; init; }

    /// <summary>Values of the case type's fields the transition requires, by field name.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}
