using System.Collections.Concurrent;
using NodaTime;
using NodaTime.TimeZones;

namespace CivicDesk.Workflow.Calendars;

/// <summary>
/// Turns the definition into the open intervals (instants) of each local date, and remembers them.
/// </summary>
/// <remarks>
/// Local times become instants with two resolvers (docs/workflow.md, "Daylight-saving time"): a local time that
/// a spring-forward gap skips maps to the first instant after the gap, for starts and ends alike; a local time
/// that a fall-back repeats maps to its earlier occurrence when it starts an open span and to its later one
/// when it ends a span. A span that crosses a change therefore lasts its real elapsed length, one hour shorter
/// or longer than its wall-clock length; the end of a day (24:00) is the start of the next.
/// </remarks>
internal sealed class DaySchedule
{
    private static readonly ZoneLocalMappingResolver StartResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    private readonly DateTimeZone _zone;
    private readonly IReadOnlyList<TimeRange>[] _rangesByWeekday = new IReadOnlyList<TimeRange>[8];
    private readonly IReadOnlyList<HolidayRule> _holidays;
    private readonly IReadOnlyList<DateClosure> _dateClosures;
    private readonly IReadOnlyList<InstantClosure> _instantClosures;
    private readonly ConcurrentDictionary<int, HashSet<LocalDate>> _holidaysByYear = new();
    // Limitation: the per-date memo grows with every distinct date asked about (some tens of KiB per year);
    // a calendar lives as long as its version, so this is bounded in practice. Add eviction if calendars are
    // ever kept for decades of dates in one process.
    private readonly ConcurrentDictionary<LocalDate, Interval[]> _intervalsByDate = new();

    // Made once: a method group passed to GetOrAdd is a new delegate at every call, and clocks ask for a date
    // hundreds of times per evaluation (about 40 bytes each, most of what evaluating a clock allocated).
    private readonly Func<LocalDate, Interval[]> _compute;

    // The memo for the dates of 2000 to 2099 (the dictionary above keeps the others), by day number: clocks ask for
    // each date they walk over (a few hundred per clock evaluated), and a slot of an array is several times quicker to
    // read than a dictionary's entry. Blocks of 512 days (4 KiB) are made when first asked for, so a calendar that is
    // asked about a few months holds a few blocks, not the century. A slot or block is filled at most once per thread
    // that finds it empty; every filling is the same.
    private const int FastDays = 36525;
    private const int BlockShift = 9;
    private const int BlockMask = (1 << BlockShift) - 1;
    private static readonly int FastFirst = new DateOnly(2000, 1, 1).DayNumber;
    private readonly Interval[]?[]?[] _intervalsByDay = new Interval[]?[]?[(FastDays >> BlockShift) + 1];

    public DaySchedule(CalendarDefinition definition, DateTimeZone zone)
    {
        _zone = zone;
        _compute = Compute;
        for (int day = 0; day < _rangesByWeekday.Length; day++)
        {
            _rangesByWeekday[day] = [];
        }

        foreach (DayHours hours in definition.WeeklyHours)
        {
            _rangesByWeekday[(int)hours.Day] = hours.OpenRanges();
        }

        _holidays = definition.Holidays;
        _dateClosures = [.. definition.Closures.OfType<DateClosure>()];
        _instantClosures = [.. definition.Closures.OfType<InstantClosure>()];
    }

    /// <summary>The open intervals of a local date, in order, none empty.</summary>
    public Interval[] IntervalsOn(LocalDate date)
    {
        int day = date.ToDateOnly().DayNumber - FastFirst;
        if ((uint)day >= FastDays)
        {
            return _intervalsByDate.GetOrAdd(date, _compute);
        }

        Interval[]?[]? block = Volatile.Read(ref _intervalsByDay[day >> BlockShift]);
        return (block is null ? null : Volatile.Read(ref block[day & BlockMask])) ?? Fill(day, date);
    }

    private Interval[] Fill(int day, LocalDate date)
    {
        Interval[] intervals = Compute(date);
        ref Interval[]?[]? slot = ref _intervalsByDay[day >> BlockShift];
        Interval[]?[] block = Volatile.Read(ref slot)
            ?? Interlocked.CompareExchange(ref slot, new Interval[]?[BlockMask + 1], null)
            ?? slot!;
        Volatile.Write(ref block[day & BlockMask], intervals);
        return intervals;
    }

    public bool IsClosedAllDay(LocalDate date) =>
        HolidaysIn(date.Year).Contains(date) || _dateClosures.Any(c => c.From <= date && date <= c.To);

    private Interval[] Compute(LocalDate date)
    {
        if (IsClosedAllDay(date))
        {
            return [];
        }

        List<Interval> open = [];
        foreach (TimeRange range in _rangesByWeekday[(int)date.DayOfWeek])
        {
            Instant start = _zone.ResolveLocal(date + range.Start, StartResolver).ToInstant();
            Instant end = range.EndsAtMidnight
                ? _zone.AtStartOfDay(date.PlusDays(1)).ToInstant()
                : _zone.ResolveLocal(date + range.End, EndResolver).ToInstant();
            CutClosures(start, end, open);
        }

        return [.. open];
    }

    private void CutClosures(Instant start, Instant end, List<Interval> open)
    {
        foreach (InstantClosure closure in _instantClosures.OrderBy(c => c.Start))
        {
            if (closure.End <= start || closure.Start >= end)
            {
                continue;
            }

            if (closure.Start > start)
            {
                open.Add(new Interval(start, closure.Start));
            }

            start = closure.End;
        }

        if (start < end)
        {
            open.Add(new Interval(start, end));
        }
    }

    // A holiday of one year can be observed in another (New Year's Day on a Saturday is observed on the
    // Friday before), so each year's set also looks at the rules of the years either side.
    private HashSet<LocalDate> HolidaysIn(int year) => _holidaysByYear.GetOrAdd(year, y =>
        [.. _holidays
            .SelectMany(rule => new[] { y - 1, y, y + 1 }.SelectMany(rule.ClosedDatesFor))
            .Where(date => date.Year == y)]);
}
