using CivicDesk.Workflow.Calendars;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Workflow.Tests;

/// <summary>Small calendars and instant helpers for the tests; all data is synthetic.</summary>
internal static class TestCalendars
{
    public const string NewYork = "America/New_York";

    public static readonly IsoDayOfWeek[] Weekdays =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday,
    ];

    public static readonly IsoDayOfWeek[] AllDays = [.. Weekdays, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    public static TimeRange Range(string start, string end) =>
        new(Time(start), end == "24:00" ? LocalTime.Midnight : Time(end));

    public static IReadOnlyList<DayHours> Hours(
        IEnumerable<IsoDayOfWeek> days,
        string opens,
        string closes,
        params TimeRange[] breaks) =>
        [.. days.Select(day => new DayHours(day, Range(opens, closes), breaks))];

    public static BusinessCalendar Build(
        IReadOnlyList<DayHours> hours,
        string zone = NewYork,
        IReadOnlyList<HolidayRule>? holidays = null,
        IReadOnlyList<Closure>? closures = null)
    {
        CalendarDefinition definition = new("test", 1, zone, hours, holidays ?? [], closures ?? []);
        CalendarBuild build = BusinessCalendar.Create(definition, DateTimeZoneProviders.Tzdb);
        Assert.True(build.Succeeded, string.Join("; ", build.Problems));
        return build.Calendar!;
    }

    /// <summary>An office open Monday to Friday, 08:00 to 18:00, New York time.</summary>
    public static BusinessCalendar Office() => Build(Hours(Weekdays, "08:00", "18:00"));

    /// <summary>The instant of a local date and time in a zone, e.g. <c>At("2025-06-02 17:00")</c>.</summary>
    public static Instant At(string local, string zone = NewYork) =>
        Local(local).InZoneStrictly(DateTimeZoneProviders.Tzdb[zone]).ToInstant();

    public static Instant Utc(string text) => InstantPattern.General.Parse(text).Value;

    public static LocalDateTime Local(string text) =>
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm").Parse(text).Value;

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    public static LocalTime Time(string text) => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text).Value;
}
