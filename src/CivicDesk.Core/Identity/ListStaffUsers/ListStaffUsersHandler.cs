using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Identity.ListStaffUsers;

/// <summary>
/// One line of the staff list: who, which role, which departments, and whether the account is usable.
/// </summary>
public sealed record StaffUserSummary(
    Guid Id,
    string UserName,
    string DisplayName,
    StaffRole Role,
    IReadOnlyList<string> DepartmentCodes,
    bool IsActive,
    bool MustChangePassword,
    bool IsLocked);

/// <summary>Lists every staff user, by user name.</summary>
public sealed class ListStaffUsersHandler(CivicDeskDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<StaffUserSummary>> HandleAsync(CancellationToken cancellationToken)
    {
        Instant now = time.GetCurrentInstant();
        List<StaffUser> users = await db.StaffUsers.AsNoTracking().Include(u => u.Memberships)
            .OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        Dictionary<Guid, string> codes = await db.Departments.AsNoTracking()
            .ToDictionaryAsync(d => d.Id, d => d.Code, cancellationToken);
        return users.Select(u => new StaffUserSummary(
                u.Id,
                u.UserName,
                u.DisplayName,
                u.Role,
                u.Memberships.Select(m => codes[m.DepartmentId]).Order(StringComparer.Ordinal).ToArray(),
                u.IsActive,
                u.MustChangePassword,
                u.IsLockedAt(now)))
            .ToList();
    }
}
