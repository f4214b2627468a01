using NodaTime;

namespace CivicDesk.Workflow.Calendars;

/// <summary>
/// The opening hours of one weekday: open from <see cref="Hours"/>' start to its end, closed during each break.
/// A weekday without a <see cref="DayHours"/> entry is closed.
/// </summary>
public sealed record DayHours(IsoDayOfWeek Day, TimeRange Hours, IReadOnlyList<TimeRange> Breaks)
{
    public DayHours(IsoDayOfWeek day, TimeRange hours)
        : this(day, hours, [])
    {
    }

    /// <summary>The open spans of the day in order: the hours with the breaks cut out.</summary>
    internal IReadOnlyList<TimeRange> OpenRanges()
    {
        List<TimeRange> ranges = [];
        LocalTime from = Hours.Start;
        foreach (TimeRange pause in Breaks.OrderBy(b => b.Start))
        {
            if (pause.Start > from)
            {
                ranges.Add(new TimeRange(from, pause.Start));
            }

            from = pause.End;
        }

        bool breakRunsToClose = Breaks.Any(b => b.EndsAtMidnight || (!Hours.EndsAtMidnight && b.End == Hours.End));
        if (!breakRunsToClose && (Hours.EndsAtMidnight || from < Hours.End))
        {
            ranges.Add(new TimeRange(from, Hours.End));
        }

        return ranges;
    }
}
