using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;

namespace CivicDesk.Core.Sla;

/// <summary>
/// SLA clocks and the calendar they count on. Clock states are the case statuses' codes (<c>new</c>,
/// <c>on_hold</c>, <c>closed</c>, …), as <see cref="CaseHistory"/> writes them.
/// </summary>
public sealed record SlaPlan(BusinessCalendar Calendar, IReadOnlyList<SlaClockDefinition> Clocks);
