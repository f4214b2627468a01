using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace CivicDesk.Web.Workspace;

/// <summary>
/// The zones the settings page offers: tzdb's canonical geographic zones (those of <c>zone.tab</c>) and UTC,
/// grouped by region as their ids are (America, Europe…), each with its offset at the moment shown.
/// </summary>
public static class TimeZoneChoices
{
    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    private static readonly string[] Ids =
    [
        .. (TzdbDateTimeZoneSource.Default.ZoneLocations ?? [])
            .Select(l => l.ZoneId)
            .Append("UTC")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// The groups of zones, by region, in id order. A <paramref name="current"/> id tzdb knows but the list
    /// leaves out (an alias such as <c>US/Central</c>, set through the API) is added, so the page can show it.
    /// </summary>
    public static IReadOnlyList<TimeZoneGroup> Groups(Instant now, string? current)
    {
        IEnumerable<string> ids = current is not null && !Ids.Contains(current, StringComparer.Ordinal)
            && DateTimeZoneProviders.Tzdb.GetZoneOrNull(current) is not null
            ? Ids.Append(current).Order(StringComparer.Ordinal)
            : Ids;
        return
        [
            .. ids.GroupBy(Region, StringComparer.Ordinal)
                .Select(g => new TimeZoneGroup(g.Key, [.. g.Select(id => Choice(id, now))])),
        ];
    }

    /// <summary>A zone as listed: its id and offset now, such as <c>America/Chicago (UTC-06:00)</c>.</summary>
    public static TimeZoneChoice Choice(string id, Instant now)
    {
        Offset offset = DateTimeZoneProviders.Tzdb[id].GetUtcOffset(now);
        return new TimeZoneChoice(id, $"{id} (UTC{OffsetText.Format(offset)})");
    }

    private static string Region(string id)
    {
        int slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "UTC" : id[..slash];
    }
}

/// <summary>One option of the time-zone list.</summary>
public sealed record TimeZoneChoice(string Id, string Text);

/// <summary>The zones of one region, shown as an <c>optgroup</c>.</summary>
public sealed record TimeZoneGroup(string Region, IReadOnlyList<TimeZoneChoice> Zones);
