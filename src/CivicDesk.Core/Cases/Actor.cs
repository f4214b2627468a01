namespace CivicDesk.Core.Cases;

/// <summary>Who did something and from where; what the timeline and the audit log record.</summary>
/// <param name="Kind">A resident, a member of staff, a partner system or CivicDesk itself.</param>
/// <param name="Id">The staff user's or API key's id; none for residents and the system.</param>
/// <param name="Label">A non-personal label: a staff user name, a partner key name, or "resident".</param>
/// <param name="Address">The network address the action came from, when there was one.</param>
public sealed record Actor(ActorKind Kind, Guid? Id, string Label, string? Address)
{
    public static Actor System { get; } = new(ActorKind.System, null, "system", null);

    public static Actor Resident(string? address) => new(ActorKind.Resident, null, "resident", address);
}
