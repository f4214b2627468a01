using CivicDesk.Core.Cases;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Which SLA clocks a case has and the calendar they count on. The default reads configuration
/// (<see cref="DefaultSlaPolicy"/>); case types will answer per service and case-type version.
/// </summary>
public interface ISlaPolicy
{
    /// <summary>The case's clocks and calendar; null when the case has no SLA.</summary>
    ValueTask<SlaPlan?> PlanForAsync(Case @case, CancellationToken cancellationToken);
}

/// <summary>
/// SLA clocks and the calendar they count on. Clock states are the case statuses' codes (<c>new</c>,
/// <c>on_hold</c>, <c>closed</c>, …), as <see cref="CaseHistory"/> writes them.
/// </summary>
public sealed record SlaPlan(BusinessCalendar Calendar, IReadOnlyList<SlaClockDefinition> Clocks);
