using NodaTime;

namespace CivicDesk.Workflow.Calendars;

/// <summary>
/// A recurring holiday. It closes its own date and, when <see cref="Observed"/> moves it off a weekend, the
/// observed date as well.
/// </summary>
public abstract record HolidayRule(string Name, ObservedRule Observed)
{
    /// <summary>The holiday's own date in <paramref name="year"/>, or null when it has none that year.</summary>
    public abstract LocalDate? DateIn(int year);

    /// <summary>The dates this holiday closes that belong to <paramref name="year"/>'s occurrence.</summary>
    internal IEnumerable<LocalDate> ClosedDatesFor(int year)
    {
        if (DateIn(year) is not { } date)
        {
            yield break;
        }

        yield return date;
        LocalDate? observed = (Observed, date.DayOfWeek) switch
        {
            (ObservedRule.FridayOrMonday, IsoDayOfWeek.Saturday) => date.PlusDays(-1),
            (ObservedRule.FridayOrMonday, IsoDayOfWeek.Sunday) => date.PlusDays(1),
            (ObservedRule.MondayOnly, IsoDayOfWeek.Sunday) => date.PlusDays(1),
            _ => null,
        };
        if (observed is { } moved)
        {
            yield return moved;
        }
    }

    /// <summary>A canonical one-line description, used for the calendar's content hash.</summary>
    internal abstract string Canonical();
}

/// <summary>A holiday on the same month and day every year (New Year's Day: January 1).</summary>
public sealed record FixedDateHoliday(string Name, int Month, int Day, ObservedRule Observed)
    : HolidayRule(Name, Observed)
{
    public override LocalDate? DateIn(int year) =>
        Month is >= 1 and <= 12 && Day >= 1 && Day <= CalendarSystem.Iso.GetDaysInMonth(year, Month)
            ? new LocalDate(year, Month, Day)
            : null;

    internal override string Canonical() => $"fixed {Month:D2}-{Day:D2} {Observed} {Name}";
}

/// <summary>
/// A holiday on the nth weekday of a month (Thanksgiving: the 4th Thursday of November). A 5th weekday that a
/// month does not have gives no holiday that year.
/// </summary>
public sealed record NthWeekdayHoliday(string Name, int Month, IsoDayOfWeek Weekday, int Nth, ObservedRule Observed)
    : HolidayRule(Name, Observed)
{
    public override LocalDate? DateIn(int year)
    {
        LocalDate first = new LocalDate(year, Month, 1).With(DateAdjusters.NextOrSame(Weekday));
        LocalDate date = first.PlusWeeks(Nth - 1);
        return date.Month == Month ? date : null;
    }

    internal override string Canonical() => $"nth {Month:D2} {Weekday} {Nth} {Observed} {Name}";
}

/// <summary>A holiday on the last given weekday of a month (Memorial Day: the last Monday of May).</summary>
public sealed record LastWeekdayHoliday(string Name, int Month, IsoDayOfWeek Weekday, ObservedRule Observed)
    : HolidayRule(Name, Observed)
{
    public override LocalDate? DateIn(int year) =>
        new LocalDate(year, Month, 1).With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(Weekday));

    internal override string Canonical() => $"last {Month:D2} {Weekday} {Observed} {Name}";
}
