namespace CivicDesk.Core.Identity.ResetStaffPassword;

/// <summary>
/// Gives a staff user a new password that must be replaced at the next sign-in. Without
/// <paramref name="Password"/> the system generates a one-time one.
/// </summary>
public sealed record ResetStaffPassword(string UserName, string? Password);

/// <summary>The reset; <paramref name="OneTimePassword"/> is set when the system chose the password.</summary>
public sealed record StaffPasswordReset(Guid UserId, string UserName, string? OneTimePassword);
