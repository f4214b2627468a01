namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// What a case type is checked against besides its own files: the staff roles that exist (Core's StaffRole
/// names) and the ids of the calendars the caller can provide.
/// </summary>
public sealed record CaseTypeContext(IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> Calendars);
