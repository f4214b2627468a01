using System.Collections.Immutable;
using CivicDesk.Core.Cases;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.Calendars;

/// <summary>A calendar loaded and checked by the workflow library, ready to publish.</summary>
public sealed record CalendarPublication(string Key, int Version, string ContentHash, string Content, Actor Actor)
{
    /// <summary>Loads a calendar's YAML; the publication, or every problem with file and line.</summary>
    public static (CalendarPublication? Publication, ImmutableArray<FileProblem> Problems) Read(
        string file,
        string yaml,
        Actor actor)
    {
        CalendarLoad load = CalendarLoader.Load(file, yaml, DateTimeZoneProviders.Tzdb);
        return load.Calendar is { } calendar
            ? (new CalendarPublication(calendar.Id, calendar.Version, calendar.ContentHash, yaml, actor), [])
            : (null, load.Problems);
    }
}
