namespace CivicDesk.Workflow.Calendars;

/// <summary>
/// What an agency writes down about its calendar: the time zone by IANA id, the weekly hours, the recurring
/// holidays and the one-off closures. <see cref="BusinessCalendar.Create"/> checks it and builds the calendar.
/// </summary>
public sealed record CalendarDefinition(
    string Id,
    int Version,
    string TimeZoneId,
    IReadOnlyList<DayHours> WeeklyHours,
    IReadOnlyList<HolidayRule> Holidays,
    IReadOnlyList<Closure> Closures);
