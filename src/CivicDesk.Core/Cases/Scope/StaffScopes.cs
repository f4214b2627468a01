using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Cases.Scope;

/// <summary>
/// Loads a caller's scope from the database on every request, so a changed membership or a deactivated
/// account takes effect at once. An unknown or deactivated user gets no scope and sees nothing.
/// </summary>
public sealed class StaffScopes(CivicDeskDbContext db)
{
    public async Task<StaffScope?> ForAsync(StaffCaller caller, CancellationToken cancellationToken)
    {
        StaffUser? user = await db.StaffUsers.AsNoTracking().Include(u => u.Memberships)
            .SingleOrDefaultAsync(u => u.Id == caller.UserId && u.IsActive, cancellationToken);
        return user is null ? null : new StaffScope(user, caller.Address);
    }
}
