namespace CivicDesk.Workflow.CaseTypes;

/// <summary>The unit of an SLA amount as written in a case type (business-hours, business-days, ...).</summary>
public enum SlaUnit
{
    BusinessHours,
    BusinessDays,
    CalendarHours,
    CalendarDays,
}
