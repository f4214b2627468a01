using CivicDesk.Workflow.Calendars;
using NodaTime;

namespace CivicDesk.Workflow.Sla;

/// <summary>
/// How much time a clock allows. Every target becomes a budget of one measure of time: open time of the
/// calendar for business hours and business days, elapsed time for calendar time.
/// </summary>
public abstract record SlaTarget
{
    /// <summary>True when the clock counts only the calendar's open time.</summary>
    internal abstract bool CountsBusinessTime { get; }

    /// <summary>The budget in the clock's measure for a clock that started at <paramref name="clockStart"/>.</summary>
    internal abstract Duration BudgetFrom(BusinessCalendar calendar, Instant clockStart);
}

/// <summary>A number of open hours (or any duration of open time) of the calendar.</summary>
public sealed record BusinessHoursTarget(Duration Amount) : SlaTarget
{
    internal override bool CountsBusinessTime => true;

    internal override Duration BudgetFrom(BusinessCalendar calendar, Instant clockStart) => Amount;
}

/// <summary>
/// A number of business days, counted from the clock's start with <see cref="Counting"/>. Its budget is the
/// open time from the start to the close of the last day, so pauses move the deadline by the open time they
/// took, and a change of target keeps the open time already used.
/// </summary>
public sealed record BusinessDaysTarget(int Days, BusinessDayCounting Counting) : SlaTarget
{
    public BusinessDaysTarget(int days)
        : this(days, BusinessDayCounting.FollowingDays)
    {
    }

    internal override bool CountsBusinessTime => true;

    internal override Duration BudgetFrom(BusinessCalendar calendar, Instant clockStart) =>
        calendar.BusinessTimeBetween(clockStart, calendar.AddBusinessDays(clockStart, Days, Counting));
}

/// <summary>Elapsed time, whatever the calendar's hours (an emergency: 4 hours, night or day).</summary>
public sealed record CalendarTimeTarget(Duration Amount) : SlaTarget
{
    internal override bool CountsBusinessTime => false;

    internal override Duration BudgetFrom(BusinessCalendar calendar, Instant clockStart) => Amount;
}
