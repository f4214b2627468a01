using CivicDesk.Core.Identity;
using CivicDesk.Core.Jurisdictions;

namespace CivicDesk.Core.Cases.Scope;

/// <summary>
/// What one staff user may see: the one place that decides it. An administrator sees every case of his
/// or her jurisdiction; agents and supervisors see the cases of the departments they belong to. Every
/// staff query, count, search and action starts from <see cref="Cases"/>; a case outside it does not exist
/// for the caller (404, never 403).
/// </summary>
public sealed class StaffScope
{
    private readonly Guid[] _departmentIds;

    internal StaffScope(StaffUser user, string? address)
    {
        UserId = user.Id;
        UserName = user.UserName;
        DisplayName = user.DisplayName;
        Role = user.Role;
        JurisdictionId = user.JurisdictionId;
        TimeZoneId = user.TimeZoneId;
        _departmentIds = user.Memberships.Select(m => m.DepartmentId).ToArray();
        Actor = new Actor(ActorKind.Staff, user.Id, user.UserName, address);
    }

    public Guid UserId { get; }

    public string UserName { get; }

    public string DisplayName { get; }

    public StaffRole Role { get; }

    public Guid JurisdictionId { get; }

    /// <summary>The user's own time zone for showing times, or null for the jurisdiction's.</summary>
    public string? TimeZoneId { get; }

    public IReadOnlyList<Guid> DepartmentIds => _departmentIds;

    public bool SeesEveryDepartment => Role == StaffRole.Administrator;

    /// <summary>Who the timeline and the audit trail name for this user's actions.</summary>
    public Actor Actor { get; }

    public IQueryable<Case> Cases(IQueryable<Case> cases)
    {
        Guid jurisdictionId = JurisdictionId;
        if (SeesEveryDepartment)
        {
            return cases.Where(c => c.JurisdictionId == jurisdictionId);
        }

        Guid[] departmentIds = _departmentIds;
        return cases.Where(c => c.JurisdictionId == jurisdictionId && departmentIds.Contains(c.DepartmentId));
    }

    public IQueryable<Department> Departments(IQueryable<Department> departments)
    {
        Guid jurisdictionId = JurisdictionId;
        if (SeesEveryDepartment)
        {
            return departments.Where(d => d.JurisdictionId == jurisdictionId);
        }

        Guid[] departmentIds = _departmentIds;
        return departments.Where(d => d.JurisdictionId == jurisdictionId && departmentIds.Contains(d.Id));
    }

    /// <summary>Supervisors and administrators hand cases to others; agents take or release their own.</summary>
    public bool MayAssignOthers => Role is StaffRole.Supervisor or StaffRole.Administrator;
}
