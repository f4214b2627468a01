using System.Collections.Immutable;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Identity;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.CaseTypes;

/// <summary>
/// Reads a case type file from disk with everything it depends on: the rule files it names (relative to it) and
/// the business calendars of a folder. Loading and checking are the workflow library's; this is the I/O around it.
/// The texts read travel with the publication, so a published version can be loaded again without the files.
/// </summary>
public static class CaseTypeFiles
{
    /// <summary>The roles a case type may name: Core's staff roles.</summary>
    public static readonly IReadOnlyCollection<string> Roles = [.. Enum.GetNames<StaffRole>()];

    private const string CalendarsPrefix = "calendars/";

    /// <summary>
    /// Loads <paramref name="path"/>, with calendars from <paramref name="calendarsFolder"/> (by default the
    /// <c>calendars</c> folder beside the case type's folder, as in <c>samples/</c>).
    /// </summary>
    public static CaseTypeRead Read(string path, string? calendarsFolder = null)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath)!;
        calendarsFolder ??= Path.Combine(Path.GetDirectoryName(folder) ?? folder, "calendars");
        SortedDictionary<string, string> files = new(StringComparer.Ordinal);
        List<FileProblem> problems = [];
        List<string> calendars = [.. ReadCalendars(calendarsFolder, files, problems)];
        string yaml = File.ReadAllText(fullPath);
        CaseTypeLoad load = CaseTypeLoader.Load(
            Path.GetFileName(fullPath),
            yaml,
            name => ReadRelative(folder, name, files),
            new CaseTypeContext(Roles, calendars));
        return new CaseTypeRead(load.CaseType, [.. problems, .. load.Problems], yaml, files);
    }

    /// <summary>
    /// Loads a stored version again from its YAML and the files it was published with (rule files by the name the
    /// case type gives them, calendars under <c>calendars/</c>); no disk is read.
    /// </summary>
    public static CaseTypeRead Load(string file, string yaml, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        List<FileProblem> problems = [];
        List<string> calendars = [];
        foreach ((string name, string text) in files.Where(IsCalendar))
        {
            CalendarLoad calendar = CalendarLoader.Load(name, text, DateTimeZoneProviders.Tzdb);
            problems.AddRange(calendar.Problems);
            if (calendar.Definition is { } definition && calendar.Problems.IsEmpty)
            {
                calendars.Add(definition.Id);
            }
        }

        CaseTypeLoad load = CaseTypeLoader.Load(
            file, yaml, name => files.GetValueOrDefault(name), new CaseTypeContext(Roles, calendars));
        return new CaseTypeRead(load.CaseType, [.. problems, .. load.Problems], yaml, files);
    }

    private static bool IsCalendar(KeyValuePair<string, string> file) =>
        file.Key.StartsWith(CalendarsPrefix, StringComparison.Ordinal);

    private static IEnumerable<string> ReadCalendars(
        string folder,
        SortedDictionary<string, string> files,
        List<FileProblem> problems)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (string file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            CalendarLoad calendar = CalendarLoader.Load(Path.GetFileName(file), text, DateTimeZoneProviders.Tzdb);
            problems.AddRange(calendar.Problems);
            if (calendar.Definition is { } definition && calendar.Problems.IsEmpty)
            {
                files[CalendarsPrefix + Path.GetFileName(file)] = text;
                yield return definition.Id;
            }
        }
    }

    private static string? ReadRelative(string folder, string name, SortedDictionary<string, string> files)
    {
        string full = Path.GetFullPath(Path.Combine(folder, name));
        if (!File.Exists(full))
        {
            return null;
        }

        string text = File.ReadAllText(full);
        files[name] = text;
        return text;
    }
}

/// <summary>A case type read from disk: the loaded case type, or every problem, and the texts read.</summary>
public sealed record CaseTypeRead(
    CaseType? CaseType,
    ImmutableArray<FileProblem> Problems,
    string Yaml,
    IReadOnlyDictionary<string, string> Files)
{
    public CaseTypePublication? ToPublication(Actor actor) => CaseType is null
        ? null
        : new CaseTypePublication(
            CaseType.Key,
            CaseType.Version,
            CaseType.ContentHash,
            Yaml,
            CaseType.Services.IsDefaultOrEmpty ? null : [.. CaseType.Services],
            actor)
        {
            Files = Files,
        };
}
