using System.Security.Cryptography;
using System.Text;

namespace CivicDesk.Workflow.Calendars;

/// <summary>
/// The content hash of a calendar: SHA-256 over a canonical text (one line per fact, in a fixed order), so
/// the order in which hours, holidays or closures were written does not change it. The id and version are not
/// part of it: two versions with the same content have the same hash, which is how an edit that changes
/// nothing is recognised.
/// </summary>
// Limitation: the hash names the zone but not the time-zone database version, so a tzdb update that changes
// the zone's rules changes deadlines without changing the hash. Lift it by hashing the provider's VersionId
// once calendars are stored and recomputed on change (issue 4, item 5).
internal static class CalendarHash
{
    public static string Of(CalendarDefinition definition)
    {
        List<string> lines =
        [
            $"zone {definition.TimeZoneId}",
        ];
        lines.AddRange(definition.WeeklyHours
            .OrderBy(d => d.Day)
            .Select(d => $"hours {d.Day} {d.Hours} breaks {string.Join(',', d.Breaks.OrderBy(b => b.Start))}"));
        lines.AddRange(definition.Holidays.Select(h => $"holiday {h.Canonical()}").Order(StringComparer.Ordinal));
        lines.AddRange(definition.Closures.Select(c => $"closure {c.Canonical()}").Order(StringComparer.Ordinal));
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return Convert.ToHexStringLower(hash);
    }
}
