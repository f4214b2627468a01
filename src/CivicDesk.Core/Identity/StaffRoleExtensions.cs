namespace CivicDesk.Core.Identity;

public static class StaffRoleExtensions
{
    /// <summary>
    /// The role names a user of <paramref name="role"/> holds: the role and every role before it, since each role
    /// includes those (<see cref="StaffRole"/>). A supervisor holds Agent and Supervisor; an administrator all three.
    /// Case types name roles with these names, so a transition for agents is one supervisors may take too.
    /// </summary>
    // Limitation: a case type cannot reserve a transition to agents alone; that needs exact-role matching in case
    // types (a flag on the transition), which no case type has asked for.
    public static IReadOnlyCollection<string> Held(this StaffRole role) =>
        [.. Enum.GetValues<StaffRole>().Where(r => r <= role).Select(r => r.ToString())];
}
