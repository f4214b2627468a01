using CivicDesk.Core.Cases.Scope;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Cases.AssignCase;

/// <summary>Who the caller may hand a case to; the same list the form offers and the handler accepts.</summary>
public static class AssignmentChoices
{
    public static async Task<IReadOnlyList<Guid>> ForAsync(
        CivicDeskDbContext db,
        StaffScope scope,
        Case target,
        CancellationToken cancellationToken)
    {
        if (!scope.MayAssignOthers)
        {
            return target.AssigneeId is Guid holder && holder != scope.UserId ? [] : [scope.UserId];
        }

        List<Guid> members = await MembersQuery(db, target).Select(u => u.Id).ToListAsync(cancellationToken);
        return members.Contains(scope.UserId) ? members : [scope.UserId, .. members];
    }

    /// <summary>Active staff of the case's department, by name.</summary>
    public static IQueryable<Identity.StaffUser> MembersQuery(CivicDeskDbContext db, Case target)
    {
        Guid departmentId = target.DepartmentId;
        Guid jurisdictionId = target.JurisdictionId;
        return db.StaffUsers.AsNoTracking()
            .Where(u => u.IsActive && u.JurisdictionId == jurisdictionId
                && u.Memberships.Any(m => m.DepartmentId == departmentId))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id);
    }
}
