using CivicDesk.Core.Calendars;
using CivicDesk.Core.Cases;

namespace CivicDesk.Core.CaseTypes;

/// <summary>
/// A case type as the workflow library loaded and validated it, ready to publish: the caller (the command line)
/// loads the YAML, so Core stores only what was already proven valid.
/// </summary>
public sealed record CaseTypePublication(
    string Key,
    int Version,
    string ContentHash,
    string Content,
    IReadOnlyList<string>? ServiceCodes,
    Actor Actor)
{
    /// <summary>The files the case type was loaded with (rule files, calendars), by the name it gives them.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>The calendars of <see cref="Files"/> that load, as calendar publications by the same actor.</summary>
    public IEnumerable<CalendarPublication> Calendars() => Files
        .Where(f => f.Key.StartsWith("calendars/", StringComparison.Ordinal))
        .Select(f => CalendarPublication.Read(f.Key, f.Value, Actor).Publication)
        .OfType<CalendarPublication>();
}
