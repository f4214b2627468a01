namespace CivicDesk.Core.Cases;

public enum CaseEventKind
{
    Created,
    StatusChanged,
    NoteAdded,
    Assigned,
    Unassigned,
}
