namespace CivicDesk.Core.Identity;

/// <summary>A staff user's membership of a department; what an agent may see follows from these.</summary>
public sealed class StaffMembership
{
    private StaffMembership()
    {
    }

    public StaffMembership(Guid userId, Guid departmentId)
    {
        UserId = userId;
        DepartmentId = departmentId;
    }

    public Guid UserId { get; private set; }

    public Guid DepartmentId { get; private set; }
}
