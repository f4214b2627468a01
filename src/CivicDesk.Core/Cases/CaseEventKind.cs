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
}
