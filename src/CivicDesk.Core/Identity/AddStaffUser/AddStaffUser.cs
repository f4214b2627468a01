namespace CivicDesk.Core.Identity.AddStaffUser;

/// <summary>
/// A new member of staff. Without a password the system generates a one-time one that must be changed
/// at first sign-in. <paramref name="JurisdictionCode"/> may be left out when the deployment has one.
/// </summary>
public sealed record AddStaffUser(
    string UserName,
    string DisplayName,
    StaffRole Role,
    IReadOnlyList<string> DepartmentCodes,
    string? Password,
    string? JurisdictionCode)
{
    /// <summary>The tzdb zone the workspace shows the user times in; null for the jurisdiction's.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The work address case notifications go to; null when the user gets none by mail.</summary>
    public string? Email { get; init; }

    /// <summary>The language of the user's notifications (<c>en</c>, <c>es</c>); null for the default.</summary>
    public string? Language { get; init; }
}

/// <summary>The created user; <paramref name="OneTimePassword"/> is set when the system chose the password.</summary>
public sealed record StaffUserAdded(Guid UserId, string UserName, string? OneTimePassword);
