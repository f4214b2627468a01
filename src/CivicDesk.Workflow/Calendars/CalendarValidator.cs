using NodaTime;

namespace CivicDesk.Workflow.Calendars;

/// <summary>Checks a calendar definition completely and reports every problem, not just the first.</summary>
internal static class CalendarValidator
{
    public static List<CalendarProblem> Check(CalendarDefinition definition, IDateTimeZoneProvider zones)
    {
        List<CalendarProblem> problems = [];
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            problems.Add(new("id", "a calendar needs an id"));
        }

        if (definition.Version < 1)
        {
            problems.Add(new("version", "the version is a whole number from 1"));
        }

        if (zones.GetZoneOrNull(definition.TimeZoneId ?? string.Empty) is null)
        {
            problems.Add(new("timeZone", $"'{definition.TimeZoneId}' is not a time zone id of {zones.VersionId}"));
        }

        CheckWeeklyHours(definition.WeeklyHours, problems);
        CheckHolidays(definition.Holidays, problems);
        CheckClosures(definition.Closures, problems);
        return problems;
    }

    private static void CheckWeeklyHours(IReadOnlyList<DayHours> week, List<CalendarProblem> problems)
    {
        if (week.Count == 0)
        {
            problems.Add(new("weeklyHours", "a calendar is open on at least one weekday"));
        }

        for (int i = 0; i < week.Count; i++)
        {
            DayHours day = week[i];
            string field = $"weeklyHours[{i}]";
            if (day.Day == IsoDayOfWeek.None)
            {
                problems.Add(new($"{field}.day", "a weekday, Monday to Sunday"));
            }
            else if (week.Take(i).Any(d => d.Day == day.Day))
            {
                problems.Add(new($"{field}.day", $"{day.Day} is listed twice; give one entry with breaks"));
            }

            if (!day.Hours.IsWellFormed)
            {
                problems.Add(new($"{field}.hours", $"{day.Hours} closes before it opens"));
            }

            CheckBreaks(day, field, problems);
        }
    }

    private static void CheckBreaks(DayHours day, string field, List<CalendarProblem> problems)
    {
        for (int j = 0; j < day.Breaks.Count; j++)
        {
            TimeRange pause = day.Breaks[j];
            string breakField = $"{field}.breaks[{j}]";
            if (!pause.IsWellFormed)
            {
                problems.Add(new(breakField, $"{pause} ends before it starts"));
            }
            else if (!day.Hours.Contains(pause))
            {
                problems.Add(new(breakField, $"{pause} is not inside the hours {day.Hours}"));
            }
            else if (day.Breaks.Take(j).Any(other => other.Overlaps(pause)))
            {
                problems.Add(new(breakField, $"{pause} overlaps another break"));
            }
        }

        if (day.Hours.IsWellFormed && day.Breaks.All(b => b.IsWellFormed) && day.OpenRanges().Count == 0)
        {
            problems.Add(new($"{field}.breaks", "the breaks cover the whole day; leave the weekday out instead"));
        }
    }

    private static void CheckHolidays(IReadOnlyList<HolidayRule> holidays, List<CalendarProblem> problems)
    {
        for (int i = 0; i < holidays.Count; i++)
        {
            string field = $"holidays[{i}]";
            string? message = holidays[i] switch
            {
                HolidayRule h when string.IsNullOrWhiteSpace(h.Name) => "a holiday needs a name",
                FixedDateHoliday { Month: < 1 or > 12 } => "the month is 1 to 12",
                FixedDateHoliday f when f.Day < 1 || f.Day > CalendarSystem.Iso.GetDaysInMonth(2024, f.Month) =>
                    $"month {f.Month} has no day {f.Day}",
                NthWeekdayHoliday { Month: < 1 or > 12 } or LastWeekdayHoliday { Month: < 1 or > 12 } =>
                    "the month is 1 to 12",
                NthWeekdayHoliday { Nth: < 1 or > 5 } => "the weekday's number in the month is 1 to 5",
                NthWeekdayHoliday { Weekday: IsoDayOfWeek.None } or LastWeekdayHoliday { Weekday: IsoDayOfWeek.None } =>
                    "a weekday, Monday to Sunday",
                _ => null,
            };
            if (message is not null)
            {
                problems.Add(new(field, message));
            }
        }
    }

    private static void CheckClosures(IReadOnlyList<Closure> closures, List<CalendarProblem> problems)
    {
        for (int i = 0; i < closures.Count; i++)
        {
            string? message = closures[i] switch
            {
                DateClosure d when d.To < d.From => "the last closed date is before the first",
                DateClosure d when Period.Between(d.From, d.To, PeriodUnits.Days).Days >= 366 =>
                    "a closure of a year or more is not a closure; change the weekly hours",
                InstantClosure c when c.End <= c.Start => "the closure ends before it starts",
                _ => null,
            };
            if (message is not null)
            {
                problems.Add(new($"closures[{i}]", message));
            }
        }
    }
}
