using CivicDesk.Workflow.Calendars;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Where a calendar's new version opens differently from the versions clocks may have been evaluated on, as the
/// two instants that decide which stored clocks can have moved. A clock row depends only on the calendar's days
/// within its window, from the earlier of the case's creation and the clock's first warning to the later of its
/// deadline and now; on a day whose open intervals are the same in both versions every count gives the same
/// answer. So a clock whose window meets no changed day keeps its deadline, warnings and state.
/// </summary>
/// <param name="PastEnd">
/// Clocks whose window starts before this may have moved: the end of the last changed day that began before
/// now (plus a margin), or the start of the compared range if none did.
/// </param>
/// <param name="FutureStart">
/// Clocks whose deadline is after this may have moved: the start of the first changed day after that, or the end
/// of the compared range.
/// </param>
/// <param name="Versions">The versions compared: a stored clock on any other version is evaluated.</param>
internal sealed record CalendarChange(Instant PastEnd, Instant FutureStart, int[] Versions)
{
    /// <summary>Days compared on each side of now; a window reaching beyond them is evaluated.</summary>
    public const int RangeDays = 5 * 366;

    /// <summary>A day that begins this soon after now counts as begun, for a recompute that takes a while.</summary>
    private static readonly Duration Margin = Duration.FromDays(1);

    /// <summary>Compares <paramref name="next"/> with each of <paramref name="earlier"/> day by day.</summary>
    public static CalendarChange Between(BusinessCalendar next, IReadOnlyList<BusinessCalendar> earlier, Instant now)
    {
        DateTimeZone zone = next.Zone;
        LocalDate today = now.InZone(zone).Date;
        LocalDate first = today.PlusDays(-RangeDays);
        LocalDate last = today.PlusDays(RangeDays);
        Instant pastEnd = zone.AtStartOfDay(first).ToInstant();
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
                pastEnd = end > pastEnd ? end : pastEnd;
            }
            else if (start < futureStart)
            {
                futureStart = start;
            }
        }

        return new CalendarChange(
            pastEnd, futureStart, [.. earlier.Select(e => e.Version).Append(next.Version).Distinct()]);
    }
}
