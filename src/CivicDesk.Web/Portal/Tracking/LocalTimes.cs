using System.Globalization;
using NodaTime;

namespace CivicDesk.Web.Portal.Tracking;

/// <summary>Instants shown in the jurisdiction's local time, with the UTC offset written out.</summary>
public static class LocalTimes
{
    public static DateTimeOffset InZone(Instant instant, string timeZoneId)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) ?? DateTimeZone.Utc;
        return instant.InZone(zone).ToDateTimeOffset();
    }

    /// <summary>Such as "June 4, 2026 10:15 AM (UTC-04:00)", in the current culture's words.</summary>
    public static string Format(DateTimeOffset local) =>
        string.Create(
            CultureInfo.CurrentCulture,
            $"{local.ToString("f", CultureInfo.CurrentCulture)} "
            + $"(UTC{local.ToString("zzz", CultureInfo.InvariantCulture)})");

    /// <summary>The machine-readable form for a <c>time</c> element's <c>datetime</c> attribute.</summary>
    public static string Iso(DateTimeOffset local) =>
        local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
