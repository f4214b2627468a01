using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;

namespace CivicDesk.Core.Sla;

/// <summary>
/// The SLA clocks of a case, each with the calendar it counts on. Clock states are the case statuses' codes
/// (<c>new</c>, <c>on_hold</c>, <c>closed</c>, …), as <see cref="CaseHistory"/> writes them.
/// </summary>
public sealed record SlaPlan(IReadOnlyList<PlannedClock> Clocks);

/// <summary>One clock of a plan and the calendar (with its id and version) it counts on.</summary>
public sealed record PlannedClock(SlaClockDefinition Definition, BusinessCalendar Calendar);
