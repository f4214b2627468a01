namespace CivicDesk.Web.Workspace.Forms;

/// <summary>What the settings form posts: a tz database id, or empty for the jurisdiction's zone.</summary>
public sealed class SettingsForm
{
    public string? TimeZone { get; set; }
}
