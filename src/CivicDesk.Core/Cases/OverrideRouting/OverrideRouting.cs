using CivicDesk.Core.Cases.Scope;

namespace CivicDesk.Core.Cases.OverrideRouting;

/// <summary>
/// A supervisor's correction of where a case sits and how urgent it is. <paramref name="DepartmentCode"/> and
/// <paramref name="QueueCode"/> null keep the current ones (a new department without a queue lands in that
/// department's default queue); <paramref name="ChangePriority"/> false keeps the priority, true sets it to
/// <paramref name="Priority"/> (null clears it). <paramref name="Reason"/> is required.
/// </summary>
public sealed record OverrideRouting(
    StaffCaller Caller,
    Guid CaseId,
    int ExpectedVersion,
    string? DepartmentCode,
    string? QueueCode,
    bool ChangePriority,
    int? Priority,
    string? Reason);
