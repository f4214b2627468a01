using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Data;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Reads what case-type clocks need from the database: the pinned case type version, loaded once per content
/// hash; the latest published version of each calendar, through the catalogue cache (cleared when a calendar is
/// published); and service codes. Loaded case types and built calendars are immutable and shared by all scopes.
/// </summary>
public sealed class SlaSources(CivicDeskDbContext db, CatalogCache catalog)
{
    private const string CalendarFolder = "calendars/";

    private static readonly ConcurrentDictionary<string, LoadedCaseType?> CaseTypes = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, BusinessCalendar?> BuiltCalendars =
        new(StringComparer.Ordinal);

    /// <summary>The pinned version, loaded with the files it was published with; null if it does not load.</summary>
    public async ValueTask<LoadedCaseType?> CaseTypeAsync(
        Guid jurisdictionId,
        PinnedCaseType pin,
        CancellationToken cancellationToken)
    {
        if (CaseTypes.TryGetValue(pin.ContentHash, out LoadedCaseType? known))
        {
            return known;
        }

        var row = await db.CaseTypeVersions.AsNoTracking()
            .Where(v => v.JurisdictionId == jurisdictionId && v.Key == pin.Key && v.Version == pin.Version)
            .Select(v => new { v.Content, v.Files })
            .SingleOrDefaultAsync(cancellationToken);
        LoadedCaseType? loaded = row is null ? null : Load(pin, row.Content, row.Files);
        return loaded is null ? null : CaseTypes.GetOrAdd(pin.ContentHash, loaded);
    }

    /// <summary>
    /// The latest published version of calendar <paramref name="key"/> in the jurisdiction; else the version the
    /// case type was published with (a type published before its calendars were stored).
    /// </summary>
    public async ValueTask<BusinessCalendar?> CalendarAsync(
        Guid jurisdictionId,
        string key,
        LoadedCaseType? bundle,
        CancellationToken cancellationToken)
    {
        Dictionary<string, LatestCalendar> latest = await catalog.GetOrLoadAsync(
            $"calendars:{jurisdictionId}",
            token => LatestCalendarsAsync(jurisdictionId, token),
            cancellationToken) ?? [];
        if (latest.TryGetValue(key, out LatestCalendar? published))
        {
            return Build($"{key}:{published.Version}:{published.ContentHash}", published.Content);
        }

        return bundle?.Calendars.GetValueOrDefault(key);
    }

    public async ValueTask<string?> ServiceCodeAsync(
        Guid jurisdictionId,
        Guid serviceId,
        CancellationToken cancellationToken)
    {
        Dictionary<Guid, string> codes = await catalog.GetOrLoadAsync(
            $"service-codes:{jurisdictionId}",
            async token => await db.Services.AsNoTracking()
                .Where(s => s.JurisdictionId == jurisdictionId)
                .ToDictionaryAsync(s => s.Id, s => s.Code, token),
            cancellationToken) ?? [];
        return codes.GetValueOrDefault(serviceId);
    }

    /// <summary>Loads a calendar's YAML once per key, version and content; null if it does not load.</summary>
    internal static BusinessCalendar? Build(string cacheKey, string yaml) => BuiltCalendars.GetOrAdd(
        cacheKey,
        static (_, text) => CalendarLoader.Load("calendar.yaml", text, DateTimeZoneProviders.Tzdb).Calendar,
        yaml);

    private static LoadedCaseType? Load(PinnedCaseType pin, string content, string filesJson)
    {
        Dictionary<string, string> files =
            JsonSerializer.Deserialize<Dictionary<string, string>>(filesJson) ?? [];
        Dictionary<string, BusinessCalendar> calendars = new(StringComparer.Ordinal);
        foreach ((string name, string text) in
            files.Where(f => f.Key.StartsWith(CalendarFolder, StringComparison.Ordinal)))
        {
            if (CalendarLoader.Load(name, text, DateTimeZoneProviders.Tzdb).Calendar is { } calendar)
            {
                calendars[calendar.Id] = calendar;
            }
        }

        CaseTypeLoad load = CaseTypeLoader.Load(
            $"{pin.Key}.yaml",
            content,
            name => files.GetValueOrDefault(name),
            new CaseTypeContext(CaseTypeFiles.Roles, calendars.Keys));
        return load.CaseType is { } caseType ? new LoadedCaseType(caseType, calendars) : null;
    }

    private async Task<Dictionary<string, LatestCalendar>?> LatestCalendarsAsync(
        Guid jurisdictionId,
        CancellationToken cancellationToken)
    {
        List<LatestCalendar> all = await db.Calendars.AsNoTracking()
            .Where(c => c.JurisdictionId == jurisdictionId)
            .Select(c => new LatestCalendar(c.Key, c.Version, c.ContentHash, c.Content))
            .ToListAsync(cancellationToken);
        return all.GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Version)!, StringComparer.Ordinal);
    }

    private sealed record LatestCalendar(string Key, int Version, string ContentHash, string Content);
}

/// <summary>A case type version as loaded, with the calendars it was published with, by id.</summary>
public sealed record LoadedCaseType(CaseType CaseType, IReadOnlyDictionary<string, BusinessCalendar> Calendars)
{
    private readonly ConcurrentDictionary<string, ImmutableArray<CaseTypeClock>> _clocks =
        new(StringComparer.Ordinal);

    /// <summary>The type's clocks for a service, built once per service (evaluating many cases asks often).</summary>
    public ImmutableArray<CaseTypeClock> ClocksFor(string serviceCode) =>
        _clocks.GetOrAdd(serviceCode, code => CaseTypeOperations.SlaClockDefinitions(CaseType, code));
}
