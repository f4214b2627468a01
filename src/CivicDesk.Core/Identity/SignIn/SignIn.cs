namespace CivicDesk.Core.Identity.SignIn;

/// <summary>A sign-in attempt: what was typed and the network address it came from.</summary>
public sealed record SignIn(string UserName, string Password, string? Address);

/// <summary>
/// Who signed in; the host turns this into the session's claims. <paramref name="SecurityStamp"/> ties the
/// session to the account's current stamp, so that changing the stamp ends it.
/// </summary>
public sealed record SignedInStaff(
    Guid UserId,
    string UserName,
    string DisplayName,
    StaffRole Role,
    bool MustChangePassword,
    string SecurityStamp)
{
    public static SignedInStaff Of(StaffUser user) => new(
        user.Id, user.UserName, user.DisplayName, user.Role, user.MustChangePassword, user.SecurityStamp);
}

/// <summary>
/// Any refused sign-in. The message is the same whatever the reason (unknown name, wrong password,
/// locked or deactivated account) so that the answer reveals nothing about accounts.
/// </summary>
public sealed record SignInRefused() : Common.Error(
    "The user name or password is not right, or the account is locked for a while.");
