using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// The spec's date-times: the W3C profile of ISO 8601 with a mandatory offset or <c>Z</c>. Written in the
/// jurisdiction's local offset, whole seconds; read with or without seconds and fractions of a second.
/// </summary>
internal static partial class Open311Dates
{
    /// <summary>The earliest and latest instants accepted; outside them the databases cannot store the value.</summary>
    public const int EarliestYear = 1900;
    public const int LatestYear = 9000;
    public static readonly Instant Earliest = Instant.FromUtc(EarliestYear, 1, 1, 0, 0);
    public static readonly Instant Latest = Instant.FromUtc(LatestYear, 1, 1, 0, 0);

    private static readonly OffsetDateTimePattern Output =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<Z+HH:mm>");

    public static string Format(Instant instant, DateTimeZone zone) =>
        Output.Format(instant.InZone(zone).ToOffsetDateTime());

    /// <summary>Reads a date-time such as <c>2023-02-28T23:45:00-05:00</c>, <c>2023-03-01T04:45:00.5Z</c>.</summary>
    public static bool TryParse(string text, out Instant instant)
    {
        instant = default;

        // A '+' that was not percent-encoded arrives as a space; read "… 05:00" as "…+05:00".
        Match match = W3cDateTime().Match(text);
        if (!match.Success || !TryOffset(match.Groups["zone"].Value, out Offset offset))
        {
            return false;
        }

        int year = Number(match, "year");
        int month = Number(match, "month");
        int day = Number(match, "day");
        int hour = Number(match, "hour");
        int minute = Number(match, "minute");
        int second = match.Groups["second"].Success ? Number(match, "second") : 0;
        // Years outside 1900-8999 are refused before any arithmetic, which could overflow near 9999.
        if (year is < EarliestYear or >= LatestYear
            || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long nanoseconds = long.Parse(match.Groups["fraction"].Value.PadRight(9, '0'), CultureInfo.InvariantCulture);
        LocalDateTime local = new LocalDateTime(year, month, day, hour, minute, second).PlusNanoseconds(nanoseconds);
        instant = new OffsetDateTime(local, offset).ToInstant();
        return instant >= Earliest && instant < Latest;
    }

    private static bool TryOffset(string zone, out Offset offset)
    {
        offset = Offset.Zero;
        if (zone is "Z" or "z")
        {
            return true;
        }

        int hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
        int minutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (hours > 18 || minutes > 59)
        {
            return false;
        }

        offset = Offset.FromHoursAndMinutes(zone[0] == '-' ? -hours : hours, zone[0] == '-' ? -minutes : minutes);
        return true;
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt](?<hour>[0-9]{2}):(?<minute>[0-9]{2})"
            + @"(?::(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]{1,9}))?)?(?<zone>[Zz]|[+\- ][0-9]{2}:[0-9]{2})$",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 100)]
    private static partial Regex W3cDateTime();
}
