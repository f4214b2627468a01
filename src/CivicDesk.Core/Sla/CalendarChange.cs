using CivicDesk.Workflow.Calendars;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Where a calendar's new version opens differently from the versions clocks may have been evaluated on, as the
/// instants that decide which stored clocks can have moved. A stored clock row depends only on the calendar's days
/// within its window: with a deadline, from the earlier of the case's creation and the clock's first warning to
/// the deadline (a met clock's deadline too, counted on from its stop); paused with time left, from the creation
/// to the start of the pause (no later day can use up its budget); not started, on none. On a day whose open
/// intervals are the same in both versions every count gives the same answer, so a clock whose window meets no
/// changed day keeps its deadline, warnings and state.
/// </summary>
/// <param name="RangeStart">
/// The start of the compared range: a window starting before it may have moved, whatever the compared days say.
/// </param>
/// <param name="Past">
/// The changed days that began before now (plus a margin), merged into at most <see cref="MaxPastRanges"/> ranges
/// in order (an annual holiday added makes one range a year): a window that starts before a range's end and ends
/// at or after its start may have moved.
/// </param>
/// <param name="FutureStart">
/// Clocks whose deadline is at or after this may have moved: the start of the first changed day after those, or
/// the end of the compared range.
/// </param>
/// <param name="Versions">The versions compared: a stored clock on any other version is evaluated.</param>
internal sealed record CalendarChange(
    Instant RangeStart,
    IReadOnlyList<Interval> Past,
    Instant FutureStart,
    int[] Versions)
{
    /// <summary>Days compared on each side of now; a window reaching beyond them is evaluated.</summary>
    public const int RangeDays = 5 * 366;

    /// <summary>At most this many ranges of changed past days; more are merged across their shortest gaps.</summary>
    public const int MaxPastRanges = 6;

    /// <summary>A day that begins this soon after now counts as begun, for a recompute that takes a while.</summary>
    private static readonly Duration Margin = Duration.FromDays(1);

    /// <summary>Compares <paramref name="next"/> with each of <paramref name="earlier"/> day by day.</summary>
    public static CalendarChange Between(BusinessCalendar next, IReadOnlyList<BusinessCalendar> earlier, Instant now)
    {
        DateTimeZone zone = next.Zone;
        LocalDate today = now.InZone(zone).Date;
        LocalDate first = today.PlusDays(-RangeDays);
        LocalDate last = today.PlusDays(RangeDays);
        Instant rangeStart = zone.AtStartOfDay(first).ToInstant();
        List<Interval> past = [];
        Instant futureStart = zone.AtStartOfDay(last.PlusDays(1)).ToInstant();
        for (LocalDate date = first; date <= last; date = date.PlusDays(1))
        {
            IReadOnlyList<Interval> open = next.OpenIntervalsOn(date);
            List<IReadOnlyList<Interval>> differing =
                [.. earlier.Select(e => e.OpenIntervalsOn(date)).Where(o => !o.SequenceEqual(open))];
            if (differing.Count == 0)
            {
                continue;
            }

            // The day's span, widened to any interval a version files under it.
            List<Interval> all = [.. differing.SelectMany(o => o), .. open];
            Instant start = all.Select(i => i.Start).Append(zone.AtStartOfDay(date).ToInstant()).Min();
            Instant end = all.Select(i => i.End).Append(zone.AtStartOfDay(date.PlusDays(1)).ToInstant()).Max();
            if (start < now + Margin)
            {
                past.Add(new Interval(start, end));
            }
            else if (start < futureStart)
            {
                futureStart = start;
            }
        }

        return new CalendarChange(
            rangeStart,
            Merge(past),
            futureStart,
            [.. earlier.Select(e => e.Version).Append(next.Version).Distinct()]);
    }

    /// <summary>
    /// Joins overlapping and touching spans, then the two neighbours with the shortest gap between them until at
    /// most <see cref="MaxPastRanges"/> are left. Each range covers every span it replaces.
    /// </summary>
    private static List<Interval> Merge(List<Interval> spans)
    {
        List<Interval> ranges = [];
        foreach (Interval span in spans.OrderBy(s => s.Start))
        {
            if (ranges.Count > 0 && span.Start <= ranges[^1].End)
            {
                ranges[^1] = new Interval(ranges[^1].Start, span.End > ranges[^1].End ? span.End : ranges[^1].End);
            }
            else
            {
                ranges.Add(span);
            }
        }

        while (ranges.Count > MaxPastRanges)
        {
            int shortest = Enumerable.Range(0, ranges.Count - 1)
                .MinBy(i => ranges[i + 1].Start - ranges[i].End);
            ranges[shortest] = new Interval(ranges[shortest].Start, ranges[shortest + 1].End);
            ranges.RemoveAt(shortest + 1);
        }

        return ranges;
    }
}
