using NodaTime;

namespace CivicDesk.Workflow.Calendars;

/// <summary>
/// A checked, immutable business calendar: when an agency is open, in its own time zone. Every operation takes
/// and returns instants; local times exist only inside. Safe to share between threads.
/// </summary>
public sealed class BusinessCalendar
{
    // No valid calendar stays closed this long (closures are shorter than a year), so a longer search is a bug.
    private const int MaxSearchDays = 2 * 366 + 7;

    private readonly DaySchedule _days;

    private BusinessCalendar(CalendarDefinition definition, DateTimeZone zone)
    {
        Definition = definition;
        Zone = zone;
        ContentHash = CalendarHash.Of(definition);
        _days = new DaySchedule(definition, zone);
    }

    public CalendarDefinition Definition { get; }

    public string Id => Definition.Id;

    public int Version => Definition.Version;

    public DateTimeZone Zone { get; }

    /// <summary>SHA-256 (lower-case hex) of the definition's canonical text; equal content, equal hash.</summary>
    public string ContentHash { get; }

    /// <summary>Checks the definition and builds the calendar, or reports every problem found.</summary>
    public static CalendarBuild Create(CalendarDefinition definition, IDateTimeZoneProvider zones)
    {
        List<CalendarProblem> problems = CalendarValidator.Check(definition, zones);
        return problems.Count > 0
            ? new CalendarBuild(null, problems)
            : new CalendarBuild(new BusinessCalendar(definition, zones[definition.TimeZoneId]), []);
    }

    /// <summary>Open intervals of a local date, in order; empty on a closed day.</summary>
    public IReadOnlyList<Interval> OpenIntervalsOn(LocalDate date) => _days.IntervalsOn(date);

    public bool IsOpen(Instant at) =>
        Array.Exists(_days.IntervalsOn(LocalDateOf(at)), interval => interval.Contains(at));

    /// <summary>A business day is a local date with any open time left after holidays and closures.</summary>
    public bool IsBusinessDay(LocalDate date) => _days.IntervalsOn(date).Length > 0;

    /// <summary>Elapsed time: the calendar's hours play no part.</summary>
    public static Instant AddCalendarTime(Instant start, Duration amount) => start + amount;

    /// <summary>
    /// The instant at which <paramref name="amount"/> of open time has passed since <paramref name="start"/>.
    /// When the amount runs out exactly at a close, the answer is that close (due at 18:00 Monday, not at the
    /// opening on Tuesday).
    /// </summary>
    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, Duration.Zero);
        if (amount == Duration.Zero)
        {
            return start;
        }

        Duration remaining = amount;
        LocalDate date = LocalDateOf(start);
        for (int day = 0; day <= MaxSearchDays; day++, date = date.PlusDays(1))
        {
            foreach (Interval open in _days.IntervalsOn(date))
            {
                if (open.End <= start)
                {
                    continue;
                }

                Instant from = open.Start > start ? open.Start : start;
                Duration available = open.End - from;
                if (available >= remaining)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }

        throw NeverOpen(start);
    }

    /// <summary>
    /// The instant <paramref name="amount"/> of open time before <paramref name="end"/>. For an amount above
    /// zero the answer is always inside open time or at an opening, never at a close: this is how a warning
    /// "1 business hour before the deadline" stays inside business hours.
    /// </summary>
    public Instant SubtractBusinessTime(Instant end, Duration amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, Duration.Zero);
        Duration remaining = amount;
        LocalDate date = LocalDateOf(end);
        for (int day = 0; day <= MaxSearchDays && remaining > Duration.Zero; day++, date = date.PlusDays(-1))
        {
            Interval[] intervals = _days.IntervalsOn(date);
            for (int i = intervals.Length - 1; i >= 0; i--)
            {
                Interval open = intervals[i];
                if (open.Start >= end)
                {
                    continue;
                }

                Instant to = open.End < end ? open.End : end;
                Duration available = to - open.Start;
                if (available >= remaining)
                {
                    return to - remaining;
                }

                remaining -= available;
            }
        }

        return remaining == Duration.Zero ? end : throw NeverOpen(end);
    }

    /// <summary>Open time between two instants, in either order (the result is never negative).</summary>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }

        Duration total = Duration.Zero;
        LocalDate lastDate = LocalDateOf(to);
        for (LocalDate date = LocalDateOf(from); date <= lastDate; date = date.PlusDays(1))
        {
            foreach (Interval open in _days.IntervalsOn(date))
            {
                Instant start = open.Start > from ? open.Start : from;
                Instant end = open.End < to ? open.End : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// The close of business on the <paramref name="days"/>th business day counted from the start's local date,
    /// by <paramref name="counting"/>.
    /// </summary>
    public Instant AddBusinessDays(Instant start, int days, BusinessDayCounting counting)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        LocalDate date = LocalDateOf(start);
        int counted = 0;
        if (counting == BusinessDayCounting.IncludingStartDay && IsBusinessDay(date) && start < CloseOf(date))
        {
            counted = 1;
        }

        for (int searched = 0; counted < days; searched++)
        {
            if (searched > MaxSearchDays)
            {
                throw NeverOpen(start);
            }

            date = date.PlusDays(1);
            counted += IsBusinessDay(date) ? 1 : 0;
        }

        return CloseOf(date);
    }

    /// <summary>The first instant at or after <paramref name="at"/> when the calendar is open.</summary>
    public Instant NextOpening(Instant at)
    {
        LocalDate date = LocalDateOf(at);
        for (int day = 0; day <= MaxSearchDays; day++, date = date.PlusDays(1))
        {
            foreach (Interval open in _days.IntervalsOn(date))
            {
                if (open.End > at)
                {
                    return open.Start > at ? open.Start : at;
                }
            }
        }

        throw NeverOpen(at);
    }

    private Instant CloseOf(LocalDate businessDay) => _days.IntervalsOn(businessDay)[^1].End;

    private LocalDate LocalDateOf(Instant at) => at.InZone(Zone).Date;

    private InvalidOperationException NeverOpen(Instant from) =>
        new($"Calendar {Id} v{Version} has no open time within {MaxSearchDays} days of {from}.");
}
