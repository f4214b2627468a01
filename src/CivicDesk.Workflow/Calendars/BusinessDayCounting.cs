namespace CivicDesk.Workflow.Calendars;

/// <summary>How <see cref="BusinessCalendar.AddBusinessDays"/> counts (docs/workflow.md, "Business days").</summary>
public enum BusinessDayCounting
{
    /// <summary>
    /// The day of the start does not count: day 1 is the first business day after it. The deadline is the
    /// close of business on day N. This is the default.
    /// </summary>
    FollowingDays,

    /// <summary>
    /// The day of the start counts as day 1 when it is a business day and the start is before its close.
    /// </summary>
    IncludingStartDay,
}
