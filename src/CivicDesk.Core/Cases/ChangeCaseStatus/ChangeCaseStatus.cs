using CivicDesk.Core.Cases.Scope;

namespace CivicDesk.Core.Cases.ChangeCaseStatus;

/// <summary>Moves a case to another status, optionally with a note the resident will see.</summary>
public sealed record ChangeCaseStatus(
    StaffCaller Caller,
    Guid CaseId,
    int ExpectedVersion,
    CaseStatus Status,
    string? PublicNote);
