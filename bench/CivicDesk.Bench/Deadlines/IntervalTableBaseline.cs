using CivicDesk.Workflow.Calendars;
using NodaTime;

namespace CivicDesk.Bench.Deadlines;

/// <summary>
/// The hand-written baseline: every open interval of the date range laid out once in flat arrays of ticks with
/// running totals of open time, so a deadline is two binary searches. It is what a specialised, fixed-range
/// implementation would cost; it knows no rules, only the table.
/// </summary>
internal sealed class IntervalTableBaseline
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _openBefore;
    private readonly long[] _openThrough;

    public IntervalTableBaseline(BusinessCalendar calendar, LocalDate first, LocalDate last)
    {
        List<Interval> intervals = [];
        for (LocalDate date = first; date <= last; date = date.PlusDays(1))
        {
            intervals.AddRange(calendar.OpenIntervalsOn(date));
        }

        _starts = [.. intervals.Select(i => i.Start.ToUnixTimeTicks())];
        _ends = [.. intervals.Select(i => i.End.ToUnixTimeTicks())];
        _openBefore = new long[intervals.Count];
        _openThrough = new long[intervals.Count];
        long total = 0;
        for (int i = 0; i < intervals.Count; i++)
        {
            _openBefore[i] = total;
            total += _ends[i] - _starts[i];
            _openThrough[i] = total;
        }
    }

    /// <summary>Same convention as the calendar: an amount that runs out exactly at a close lands on it.</summary>
    public long AddBusinessTicks(long startTicks, long amountTicks)
    {
        int first = FirstAbove(_ends, startTicks);
        long into = Math.Max(0, startTicks - _starts[first]);
        long wanted = _openBefore[first] + into + amountTicks;
        int last = FirstAtOrAbove(_openThrough, wanted);
        return _starts[last] + (wanted - _openBefore[last]);
    }

    private static int FirstAbove(long[] sorted, long value)
    {
        int index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index + 1 : ~index;
    }

    private static int FirstAtOrAbove(long[] sorted, long value)
    {
        int index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }
}
