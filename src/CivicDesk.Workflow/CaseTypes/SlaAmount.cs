using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;
using NodaTime;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>An amount of time in one unit; business days are counted with the following-days convention.</summary>
public sealed record SlaAmount(int Amount, SlaUnit Unit)
{
    public SlaTarget ToTarget() => Unit switch
    {
        SlaUnit.BusinessHours => new BusinessHoursTarget(Duration.FromHours(Amount)),
        SlaUnit.BusinessDays => new BusinessDaysTarget(Amount, BusinessDayCounting.FollowingDays),
        SlaUnit.CalendarHours => new CalendarTimeTarget(Duration.FromHours(Amount)),
        SlaUnit.CalendarDays => new CalendarTimeTarget(Duration.FromDays(Amount)),
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "unknown unit"),
    };
}
