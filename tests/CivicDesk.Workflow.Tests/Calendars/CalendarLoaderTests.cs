using CivicDesk.Workflow.Calendars;
using NodaTime;

namespace CivicDesk.Workflow.Tests.Calendars;

public sealed class CalendarLoaderTests
{
    private const string Calendar = """
        id: test
        version: 2
        time-zone: America/New_York
        hours:
          - days: [monday, tuesday]
            open: "09:00"
            close: "18:00"
            breaks: [{from: "13:00", to: "14:00"}]
          - {days: saturday, open: "10:00", close: "24:00"}
        holidays:
          - {name: Christmas Day, date: "12-25", observed: friday-or-monday}
          - {name: Thanksgiving Day, month: 11, weekday: thursday, nth: 4}
          - {name: Memorial Day, month: 5, weekday: monday, nth: last}
        closures:
          - {name: Move, from: 2026-03-02, to: 2026-03-03}
        """;

    private static CalendarLoad Load(string yaml) =>
        CalendarLoader.Load("c.yaml", yaml, DateTimeZoneProviders.Tzdb);

    [Fact]
    public void Load_FullCalendar_ReadsEveryPart()
    {
        CalendarLoad load = Load(Calendar);

        Assert.True(load.Succeeded, string.Join("; ", load.Problems));
        CalendarDefinition definition = load.Definition!;
        Assert.Equal(3, definition.WeeklyHours.Count);
        Assert.Equal(TestCalendars.Range("13:00", "14:00"), Assert.Single(definition.WeeklyHours[0].Breaks));
        Assert.Equal(LocalTime.Midnight, definition.WeeklyHours[2].Hours.End);
        Assert.Equal([
            new FixedDateHoliday("Christmas Day", 12, 25, ObservedRule.FridayOrMonday),
            new NthWeekdayHoliday("Thanksgiving Day", 11, IsoDayOfWeek.Thursday, 4, ObservedRule.None),
            new LastWeekdayHoliday("Memorial Day", 5, IsoDayOfWeek.Monday, ObservedRule.None),
        ], definition.Holidays);
        Assert.Equal(new DateClosure("Move", new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 3)),
            Assert.Single(definition.Closures));
    }

    [Fact]
    public void Load_BadWeekdayAndTime_AreProblemsWithPositions()
    {
        string yaml = Calendar.Replace("[monday, tuesday]", "[monday, tusday]", StringComparison.Ordinal)
            .Replace("close: \"18:00\"", "close: \"6pm\"", StringComparison.Ordinal);

        Assert.Equal([
            "c.yaml:5:20: 'tusday' is not a weekday; expected one of: monday, tuesday, wednesday, thursday, "
                + "friday, saturday, sunday",
            "c.yaml:7:12: close must be a time HH:mm or 24:00; found '6pm'",
        ], Load(yaml).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_UnknownTimeZone_IsReportedByTheCalendarCheck()
    {
        CalendarLoad load = Load(Calendar.Replace("America/New_York", "America/Gotham", StringComparison.Ordinal));

        Assert.False(load.Succeeded);
        Assert.StartsWith("c.yaml:1:1: timeZone: ", Assert.Single(load.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HolidayWithoutDateOrRule_IsAProblem()
    {
        string yaml = Calendar.Replace("{name: Memorial Day, month: 5, weekday: monday, nth: last}",
            "{name: Memorial Day}", StringComparison.Ordinal);

        Assert.Equal(["c.yaml:13:5: holiday 'Memorial Day' needs either 'date' (MM-DD) or 'month', 'weekday' and "
            + "'nth'"], Load(yaml).Problems.Select(p => p.ToString()));
    }
}
