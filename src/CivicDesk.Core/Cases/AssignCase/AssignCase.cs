using CivicDesk.Core.Cases.Scope;

namespace CivicDesk.Core.Cases.AssignCase;

/// <summary>
/// Gives a case to a member of staff, or takes it back when <paramref name="AssigneeId"/> is null.
/// <paramref name="ExpectedVersion"/> is the version the caller saw.
/// </summary>
public sealed record AssignCase(StaffCaller Caller, Guid CaseId, int ExpectedVersion, Guid? AssigneeId);
