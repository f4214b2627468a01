namespace CivicDesk.Core.Cases;

public enum CaseEventKind
{
    Created,
    StatusChanged,
    NoteAdded,
    Assigned,
    Unassigned,

    /// <summary>Moved to another version of its case type by an explicit migration.</summary>
    CaseTypeMigrated,

    /// <summary>An SLA clock's warning time was reached (written by a durable timer).</summary>
    SlaWarning,

    /// <summary>An SLA clock's deadline passed while it ran (written by a durable timer).</summary>
    SlaBreached,

    /// <summary>An SLA deadline moved because the calendar its clock counts on changed (internal).</summary>
    SlaDeadlineMoved,

    /// <summary>The jurisdiction's routing policy chose the department, queue and priority (staff only).</summary>
    Routed,

    /// <summary>A supervisor changed the department, queue or priority, with a reason (staff only).</summary>
    RoutingOverridden,

    /// <summary>
    /// An escalation of the case type ran when an SLA timer fired: the case moved to a queue and/or messages were
    /// put in the outbox (internal; the data says what was and was not applied).
    /// </summary>
    Escalated,
}
