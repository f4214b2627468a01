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
}
