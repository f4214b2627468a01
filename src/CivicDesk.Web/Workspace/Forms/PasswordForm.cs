namespace CivicDesk.Web.Workspace.Forms;

/// <summary>What the change-password form posts.</summary>
public sealed class PasswordForm
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}
