namespace CivicDesk.Core.Identity.ReactivateStaffUser;

/// <summary>Opens a deactivated staff account again, by its user name.</summary>
public sealed record ReactivateStaffUser(string UserName);
