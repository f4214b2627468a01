using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Identity.CheckSession;

/// <summary>
/// Decides whether a staff session may still be used: its user exists, is active, and still has the
/// security stamp the session was issued with. Read from the database on every request, without a cache,
/// so a password change, deactivation or sign-out on any node or from the command line ends the session
/// at its next request.
/// </summary>
public sealed class CheckSessionHandler(CivicDeskDbContext db, ILogger<CheckSessionHandler> logger)
{
    public async Task<bool> HandleAsync(Guid userId, string securityStamp, CancellationToken cancellationToken)
    {
        var user = await db.StaffUsers.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken);
        string? refusal = user switch
        {
            null => "unknown_user",
            { IsActive: false } => "inactive",
            _ when !string.Equals(user.SecurityStamp, securityStamp, StringComparison.Ordinal) => "stamp_changed",
            _ => null,
        };
        if (refusal is null)
        {
            return true;
        }

        Log.SessionRefused(logger, userId, refusal);
        return false;
    }
}
