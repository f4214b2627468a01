namespace CivicDesk.Core.Identity;

public static class StaffRoleExtensions
{
    /// <summary>
    /// The role names a user of <paramref name="role"/> holds: the role and every role before it, since each role
    /// includes those (<see cref="StaffRole"/>). A supervisor holds Agent and Supervisor; an administrator all three.
    /// Case types name roles with these names, so a transition for agents is one supervisors may take too.
    /// </summary>
    public static IReadOnlyCollection<string> Held(this StaffRole role) =>
        [.. Enum.GetValues<StaffRole>().Where(r => r <= role).Select(r => r.ToString())];
}
