namespace CivicDesk.Core.Identity.ChangeStaffAccess;

/// <summary>
/// Changes a staff user's role and/or departments. A null <paramref name="Role"/> or
/// <paramref name="DepartmentCodes"/> keeps what the user has; departments given replace the user's list.
/// </summary>
public sealed record ChangeStaffAccess(string UserName, StaffRole? Role, IReadOnlyList<string>? DepartmentCodes);

/// <summary>What the user may do now.</summary>
public sealed record StaffAccessChanged(string UserName, StaffRole Role, IReadOnlyList<string> DepartmentCodes);
