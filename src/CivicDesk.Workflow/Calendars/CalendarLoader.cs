using System.Collections.Immutable;
using System.Globalization;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.RepresentationModel;

namespace CivicDesk.Workflow.Calendars;

/// <summary>
/// Reads a business calendar written in YAML (format in docs/workflow.md) into a <see cref="CalendarDefinition"/>
/// and builds it. Problems of the YAML carry line and column; problems found by <see cref="BusinessCalendar.Create"/>
/// name the field and point at the top of the file.
/// </summary>
public static class CalendarLoader
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    private static readonly string[] DayNames =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static CalendarLoad Load(string file, string yamlText, IDateTimeZoneProvider zones)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(zones);
        YamlReader reader = new(file);
        CalendarDefinition? definition = reader.Parse(yamlText) is { } root ? Read(reader, root) : null;
        if (definition is null || reader.Problems.Count > 0)
        {
            return new CalendarLoad(null, null, [.. reader.Problems]);
        }

        CalendarBuild build = BusinessCalendar.Create(definition, zones);
        return build.Succeeded
            ? new CalendarLoad(build.Calendar, definition, [])
            : new CalendarLoad(null, definition,
                [.. build.Problems.Select(p => new FileProblem(file, 1, 1, $"{p.Field}: {p.Message}"))]);
    }

    private static CalendarDefinition? Read(YamlReader reader, YamlNode root)
    {
        Dictionary<string, YamlNode> keys = reader.Keys(root, "the calendar", ["id", "version", "time-zone", "hours"],
            ["holidays", "closures"]);
        string? id = reader.Text(keys.GetValueOrDefault("id"), "id");
        int? version = reader.Integer(keys.GetValueOrDefault("version"), "version", 1);
        string? zone = reader.Text(keys.GetValueOrDefault("time-zone"), "time-zone");
        List<DayHours> hours = [.. reader.Sequence(keys.GetValueOrDefault("hours"), "hours")
            .SelectMany(item => ReadHours(reader, item))];
        List<HolidayRule> holidays = [.. reader.Sequence(keys.GetValueOrDefault("holidays"), "holidays")
            .Select(item => ReadHoliday(reader, item)).OfType<HolidayRule>()];
        List<Closure> closures = [.. reader.Sequence(keys.GetValueOrDefault("closures"), "closures")
            .Select(item => ReadClosure(reader, item)).OfType<Closure>()];
        return id is null || version is null || zone is null
            ? null
            : new CalendarDefinition(id, version.Value, zone, hours, holidays, closures);
    }

    private static IEnumerable<DayHours> ReadHours(YamlReader reader, YamlNode item)
    {
        Dictionary<string, YamlNode> keys = reader.Keys(item, "weekly hours", ["days", "open", "close"], ["breaks"]);
        List<IsoDayOfWeek> days = [.. reader.OneOrMany(keys.GetValueOrDefault("days"), "days")
            .Select(d => Day(reader, d.Value, d.Node)).OfType<IsoDayOfWeek>()];
        LocalTime? open = ReadTime(reader, keys.GetValueOrDefault("open"), "open", false);
        LocalTime? close = ReadTime(reader, keys.GetValueOrDefault("close"), "close", true);
        List<TimeRange> breaks = [];
        foreach (YamlNode pause in reader.Sequence(keys.GetValueOrDefault("breaks"), "breaks"))
        {
            Dictionary<string, YamlNode> range = reader.Keys(pause, "a break", ["from", "to"], []);
            LocalTime? from = ReadTime(reader, range.GetValueOrDefault("from"), "a break's from", false);
            LocalTime? to = ReadTime(reader, range.GetValueOrDefault("to"), "a break's to", true);
            if (from is not null && to is not null)
            {
                breaks.Add(new TimeRange(from.Value, to.Value));
            }
        }

        return open is null || close is null
            ? []
            : days.Select(d => new DayHours(d, new TimeRange(open.Value, close.Value), breaks));
    }

    private static HolidayRule? ReadHoliday(YamlReader reader, YamlNode item)
    {
        Dictionary<string, YamlNode> keys = reader.Keys(item, "a holiday", ["name"],
            ["date", "month", "weekday", "nth", "observed"]);
        string? name = reader.Text(keys.GetValueOrDefault("name"), "a holiday's name");
        ObservedRule observed = reader.Choice(keys.GetValueOrDefault("observed"), "a holiday's observed",
            "none", "friday-or-monday", "monday-only") switch
        {
            "friday-or-monday" => ObservedRule.FridayOrMonday,
            "monday-only" => ObservedRule.MondayOnly,
            _ => ObservedRule.None,
        };
        if (name is null)
        {
            return null;
        }

        if (keys.TryGetValue("date", out YamlNode? dateNode))
        {
            return MonthDay(reader, dateNode) is (int month, int day)
                ? new FixedDateHoliday(name, month, day, observed)
                : null;
        }

        int? monthOf = reader.Integer(keys.GetValueOrDefault("month"), "a holiday's month", 1);
        IsoDayOfWeek? weekday = keys.TryGetValue("weekday", out YamlNode? w) && reader.Text(w, "weekday") is { } t
            ? Day(reader, t, w)
            : null;
        string? nth = reader.Choice(keys.GetValueOrDefault("nth"), "a holiday's nth", "1", "2", "3", "4", "5", "last");
        if (monthOf is null || weekday is null || nth is null)
        {
            reader.Error(item, $"holiday '{name}' needs either 'date' (MM-DD) or 'month', 'weekday' and 'nth'");
            return null;
        }

        return nth == "last"
            ? new LastWeekdayHoliday(name, monthOf.Value, weekday.Value, observed)
            : new NthWeekdayHoliday(name, monthOf.Value, weekday.Value,
                int.Parse(nth, CultureInfo.InvariantCulture), observed);
    }

    // Limitation: the file format has whole-date closures only; an InstantClosure (an outage mid-day) is made
    // in code. Add 'from-instant'/'to-instant' keys when an agency needs one in a file.
    private static DateClosure? ReadClosure(YamlReader reader, YamlNode item)
    {
        Dictionary<string, YamlNode> keys = reader.Keys(item, "a closure", ["name", "from"], ["to"]);
        string? name = reader.Text(keys.GetValueOrDefault("name"), "a closure's name");
        LocalDate? from = ReadDate(reader, keys.GetValueOrDefault("from"), "a closure's from");
        LocalDate? to = keys.TryGetValue("to", out YamlNode? toNode)
            ? ReadDate(reader, toNode, "a closure's to")
            : from;
        return name is null || from is null || to is null ? null : new DateClosure(name, from.Value, to.Value);
    }

    private static IsoDayOfWeek? Day(YamlReader reader, string name, YamlNode node)
    {
        int index = Array.IndexOf(DayNames, name);
        if (index >= 0)
        {
            return (IsoDayOfWeek)(index + 1);
        }

        reader.Error(node, $"'{name}' is not a weekday; expected one of: {string.Join(", ", DayNames)}");
        return null;
    }

    private static LocalTime? ReadTime(YamlReader reader, YamlNode? node, string what, bool allowEndOfDay)
    {
        string? text = reader.Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (allowEndOfDay && text == "24:00")
        {
            return LocalTime.Midnight;
        }

        ParseResult<LocalTime> parsed = Time.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        reader.Error(node!, $"{what} must be a time HH:mm{(allowEndOfDay ? " or 24:00" : "")}; found '{text}'");
        return null;
    }

    private static LocalDate? ReadDate(YamlReader reader, YamlNode? node, string what)
    {
        string? text = reader.Text(node, what);
        if (text is not null && Date.Parse(text) is { Success: true } parsed)
        {
            return parsed.Value;
        }

        if (text is not null)
        {
            reader.Error(node!, $"{what} must be a date YYYY-MM-DD; found '{text}'");
        }

        return null;
    }

    private static (int Month, int Day)? MonthDay(YamlReader reader, YamlNode node)
    {
        string? text = reader.Text(node, "a holiday's date");
        if (text is not null && AnnualDatePattern.Iso.Parse(text) is { Success: true } parsed)
        {
            return (parsed.Value.Month, parsed.Value.Day);
        }

        if (text is not null)
        {
            reader.Error(node, $"a holiday's date must be MM-DD; found '{text}'");
        }

        return null;
    }
}
