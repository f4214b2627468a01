using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Identity;

/// <summary>Finds a staff user by the name an administrator typed, for the account commands.</summary>
internal static class StaffUserLookup
{
    public static ValidationFailed Unknown { get; } =
        ValidationFailed.Single("username", "not_found", "No staff user has this user name.");

    public static Task<StaffUser?> FindAsync(
        CivicDeskDbContext db,
        string userName,
        CancellationToken cancellationToken)
    {
        string normalized = StaffNames.Normalize(userName);
        return db.StaffUsers.Include(u => u.Memberships)
            .SingleOrDefaultAsync(u => u.UserName == normalized, cancellationToken);
    }
}
