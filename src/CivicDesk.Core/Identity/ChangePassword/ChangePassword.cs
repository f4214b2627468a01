namespace CivicDesk.Core.Identity.ChangePassword;

/// <summary>A signed-in user replacing his or her password; the current one is asked again.</summary>
public sealed record ChangePassword(Guid UserId, string CurrentPassword, string NewPassword, string? Address);
