using CivicDesk.Workflow.Calendars;
using NodaTime;
using static CivicDesk.Workflow.Tests.TestCalendars;

namespace CivicDesk.Workflow.Tests.Calendars;

public sealed class CalendarDefinitionTests
{
    [Fact]
    public void Create_DefinitionWithManyMistakes_ReportsEveryOneWithItsField()
    {
        CalendarDefinition definition = new(
            "city",
            0,
            "America/Gotham",
            [
                new DayHours(IsoDayOfWeek.Monday, Range("09:00", "17:00"), [Range("08:00", "10:00")]),
                new DayHours(IsoDayOfWeek.Monday, Range("09:00", "17:00")),
                new DayHours(IsoDayOfWeek.Tuesday, Range("17:00", "09:00")),
                new DayHours(
                    IsoDayOfWeek.Wednesday,
                    Range("09:00", "17:00"),
                    [Range("12:00", "13:00"), Range("12:30", "13:30")]),
            ],
            [new FixedDateHoliday("Nonsense", 2, 30, ObservedRule.None)],
            [new DateClosure("Backwards", Date("2025-06-03"), Date("2025-06-02"))]);

        CalendarBuild build = BusinessCalendar.Create(definition, DateTimeZoneProviders.Tzdb);

        Assert.False(build.Succeeded);
        Assert.Equal(
            [
                "version", "timeZone", "weeklyHours[0].breaks[0]", "weeklyHours[1].day", "weeklyHours[2].hours",
                "weeklyHours[3].breaks[1]", "holidays[0]", "closures[0]",
            ],
            build.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Create_NoWeeklyHours_IsRefused()
    {
        CalendarBuild build = BusinessCalendar.Create(
            new CalendarDefinition("city", 1, NewYork, [], [], []),
            DateTimeZoneProviders.Tzdb);

        CalendarProblem problem = Assert.Single(build.Problems);
        Assert.Equal("weeklyHours", problem.Field);
    }

    [Fact]
    public void ContentHash_SameFactsInAnotherOrderAndVersion_IsEqual()
    {
        HolidayRule christmas = new FixedDateHoliday("Christmas Day", 12, 25, ObservedRule.FridayOrMonday);
        HolidayRule newYear = new FixedDateHoliday("New Year's Day", 1, 1, ObservedRule.FridayOrMonday);
        IReadOnlyList<DayHours> hours = Hours(Weekdays, "09:00", "17:00");
        CalendarDefinition first = new("city", 1, NewYork, hours, [christmas, newYear], []);
        CalendarDefinition second = new("city", 2, NewYork, [.. hours.Reverse()], [newYear, christmas], []);

        string firstHash = BusinessCalendar.Create(first, DateTimeZoneProviders.Tzdb).Calendar!.ContentHash;
        string secondHash = BusinessCalendar.Create(second, DateTimeZoneProviders.Tzdb).Calendar!.ContentHash;

        Assert.Equal(firstHash, secondHash);
        Assert.Matches("^[0-9a-f]{64}$", firstHash);
    }

    [Fact]
    public void ContentHash_AnotherBreak_Changes()
    {
        BusinessCalendar plain = Build(Hours(Weekdays, "09:00", "17:00"));
        BusinessCalendar withLunch = Build(Hours(Weekdays, "09:00", "17:00", Range("12:00", "13:00")));

        Assert.NotEqual(plain.ContentHash, withLunch.ContentHash);
    }
}
