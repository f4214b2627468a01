using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.TrackRequest;
using Microsoft.Extensions.Localization;

namespace CivicDesk.Web.Portal.Tracking;

/// <summary>
/// One public timeline entry in words. Who acted is named by role only ("City staff"), never by name.
/// </summary>
public static class TimelineText
{
    public static string Describe(IStringLocalizer text, PublicEventView entry)
    {
        string who = text[$"Actor_{entry.ActorKind}"];
        return entry.Kind switch
        {
            CaseEventKind.Created => text["EventCreated", who],
            CaseEventKind.StatusChanged when entry.ToStatus is CaseStatus to =>
                text["EventStatusChanged", StatusNames.Name(text, to), who],
            CaseEventKind.NoteAdded => text["EventNote", who],
            // Routing events are staff-only and never reach this page; listed so the switch stays exhaustive.
            CaseEventKind.StatusChanged or CaseEventKind.Assigned or CaseEventKind.Unassigned
                or CaseEventKind.Routed or CaseEventKind.RoutingOverridden or CaseEventKind.CaseTypeMigrated
                or CaseEventKind.SlaWarning or CaseEventKind.SlaBreached or CaseEventKind.SlaDeadlineMoved
                or CaseEventKind.Escalated =>
                text["EventUpdated", who],
        };
    }
}
