using NodaTime;

namespace CivicDesk.Core.Identity;

/// <summary>
/// The time zones a member of staff may choose, from NodaTime's tzdb, and which zone a user sees times in.
/// </summary>
public static class StaffTimeZones
{
    /// <summary>The longest tzdb id is 32 characters; the column leaves room for future ones.</summary>
    public const int MaxIdLength = 64;

    /// <summary>True when tzdb knows the id (canonical or an alias such as <c>US/Central</c>); case matters.</summary>
    public static bool IsKnown(string timeZoneId) =>
        timeZoneId.Length <= MaxIdLength && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) is not null;

    /// <summary>
    /// The user's own zone when set and still known to tzdb, else the jurisdiction's (UTC if even that one is
    /// unknown, as elsewhere in the workspace).
    /// </summary>
    public static ViewerZone Resolve(string? userZoneId, string jurisdictionZoneId)
    {
        if (userZoneId is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(userZoneId) is DateTimeZone own)
        {
            return new ViewerZone(own, IsUserSetting: true);
        }

        return new ViewerZone(
            DateTimeZoneProviders.Tzdb.GetZoneOrNull(jurisdictionZoneId) ?? DateTimeZone.Utc, IsUserSetting: false);
    }
}
