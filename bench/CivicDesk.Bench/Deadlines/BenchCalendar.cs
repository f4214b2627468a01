using CivicDesk.Workflow.Calendars;
using NodaTime;

namespace CivicDesk.Bench.Deadlines;

/// <summary>
/// A New York agency calendar: Monday to Friday 08:00-18:00 with a 12:00-13:00 break, the eleven US federal
/// holidays with their observed dates, and a few one-off closures.
/// </summary>
internal static class BenchCalendar
{
    public static BusinessCalendar Create()
    {
        TimeRange lunch = new(new LocalTime(12, 0), new LocalTime(13, 0));
        IsoDayOfWeek[] weekdays =
        [
            IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
            IsoDayOfWeek.Friday,
        ];
        CalendarDefinition definition = new(
            "bench-agency",
            1,
            "America/New_York",
            [.. weekdays.Select(day => new DayHours(day, new(new LocalTime(8, 0), new LocalTime(18, 0)), [lunch]))],
            Holidays(),
            [
                new DateClosure("Snow emergency", new LocalDate(2026, 2, 23)),
                new DateClosure("Office move", new LocalDate(2026, 8, 13), new LocalDate(2026, 8, 14)),
                new InstantClosure(
                    "Network outage", Instant.FromUtc(2026, 5, 12, 14, 0), Instant.FromUtc(2026, 5, 12, 17, 30)),
            ]);
        return BusinessCalendar.Create(definition, DateTimeZoneProviders.Tzdb).Calendar
            ?? throw new InvalidOperationException("The bench calendar does not build.");
    }

    private static HolidayRule[] Holidays() =>
    [
        new FixedDateHoliday("New Year's Day", 1, 1, ObservedRule.FridayOrMonday),
        new NthWeekdayHoliday("Birthday of Martin Luther King, Jr.", 1, IsoDayOfWeek.Monday, 3, ObservedRule.None),
        new NthWeekdayHoliday("Washington's Birthday", 2, IsoDayOfWeek.Monday, 3, ObservedRule.None),
        new LastWeekdayHoliday("Memorial Day", 5, IsoDayOfWeek.Monday, ObservedRule.None),
        new FixedDateHoliday("Juneteenth", 6, 19, ObservedRule.FridayOrMonday),
        new FixedDateHoliday("Independence Day", 7, 4, ObservedRule.FridayOrMonday),
        new NthWeekdayHoliday("Labor Day", 9, IsoDayOfWeek.Monday, 1, ObservedRule.None),
        new NthWeekdayHoliday("Columbus Day", 10, IsoDayOfWeek.Monday, 2, ObservedRule.None),
        new FixedDateHoliday("Veterans Day", 11, 11, ObservedRule.FridayOrMonday),
        new NthWeekdayHoliday("Thanksgiving Day", 11, IsoDayOfWeek.Thursday, 4, ObservedRule.None),
        new FixedDateHoliday("Christmas Day", 12, 25, ObservedRule.FridayOrMonday),
    ];
}
