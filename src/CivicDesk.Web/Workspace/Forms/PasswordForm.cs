namespace CivicDesk.Web.Workspace.Forms;

/// <summary>What the change-password form posts.</summary>
public sealed class PasswordForm
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }

    /// <summary>Where a forced change goes on to: the page the user first asked for (local paths only).</summary>
    public string? ReturnUrl { get; set; }
}
