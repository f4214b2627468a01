namespace CivicDesk.Web.Workspace.Forms;

/// <summary>
/// What the settings form posts: a tz database id, or empty for the jurisdiction's zone, and the language of the
/// user's notifications.
/// </summary>
public sealed class SettingsForm
{
    public string? TimeZone { get; set; }

    public string? Language { get; set; }
}
