namespace CivicDesk.Core.Identity.StaffSettings;

/// <summary>
/// A member of staff's own settings: <paramref name="TimeZoneId"/> is the chosen zone, or null for the
/// jurisdiction's (<paramref name="JurisdictionTimeZoneId"/>); <paramref name="Viewer"/> is the zone in use.
/// </summary>
public sealed record StaffSettingsView(string? TimeZoneId, string JurisdictionTimeZoneId, ViewerZone Viewer)
{
    /// <summary>The language the user's notifications are written in.</summary>
    public string Language { get; init; } = StaffLanguages.Default;
}

/// <summary>
/// A signed-in user changing his or her own settings. A null or empty <paramref name="TimeZoneId"/> goes back
/// to the jurisdiction's zone.
/// </summary>
public sealed record ChangeStaffSettings(Guid UserId, string? TimeZoneId, string? Address)
{
    /// <summary>The language of the user's notifications (<c>en</c>, <c>es</c>); null leaves it as it is.</summary>
    public string? Language { get; init; }

    /// <summary>True to leave the time zone as it is (<see cref="TimeZoneId"/> is then ignored).</summary>
    public bool KeepTimeZone { get; init; }
}
