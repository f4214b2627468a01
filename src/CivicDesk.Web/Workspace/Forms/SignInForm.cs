namespace CivicDesk.Web.Workspace.Forms;

/// <summary>What the sign-in form posts.</summary>
public sealed class SignInForm
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
