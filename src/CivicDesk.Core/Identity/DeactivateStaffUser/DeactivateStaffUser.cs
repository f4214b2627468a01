namespace CivicDesk.Core.Identity.DeactivateStaffUser;

/// <summary>Closes a staff account by its user name: no more sign-ins, and every open session ends.</summary>
public sealed record DeactivateStaffUser(string UserName);
