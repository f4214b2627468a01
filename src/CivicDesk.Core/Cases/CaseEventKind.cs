namespace CivicDesk.Core.Cases;

public enum CaseEventKind
{
    Created,
    StatusChanged,
    NoteAdded,
    Assigned,
    Unassigned,

    /// <summary>The jurisdiction's routing policy chose the department, queue and priority (staff only).</summary>
    Routed,

    /// <summary>A supervisor changed the department, queue or priority, with a reason (staff only).</summary>
    RoutingOverridden,
}
