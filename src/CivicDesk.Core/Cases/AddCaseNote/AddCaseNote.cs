using CivicDesk.Core.Cases.Scope;

namespace CivicDesk.Core.Cases.AddCaseNote;

/// <summary>Adds a note to a case's timeline: public (the resident sees it) or internal (staff only).</summary>
public sealed record AddCaseNote(
    StaffCaller Caller,
    Guid CaseId,
    int ExpectedVersion,
    string? Text,
    EventVisibility Visibility);
