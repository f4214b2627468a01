using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Identity.ReactivateStaffUser;

/// <summary>
/// Reactivates a staff user: the old password signs in again (sessions from before the deactivation stay
/// ended). Audited as <c>staff.user_reactivated</c>; an active user is left as is (false).
/// </summary>
public sealed class ReactivateStaffUserHandler(
    CivicDeskDbContext db,
    TimeProvider time,
    ILogger<ReactivateStaffUserHandler> logger)
{
    public async Task<Result<bool>> HandleAsync(
        ReactivateStaffUser request,
        Actor actor,
        CancellationToken cancellationToken)
    {
        StaffUser? user = await StaffUserLookup.FindAsync(db, request.UserName, cancellationToken);
        if (user is null)
        {
            return StaffUserLookup.Unknown;
        }

        if (user.IsActive)
        {
            return false;
        }

        user.Reactivate();
        db.AuditEntries.Add(new AuditEntry(
            time.NewId(), time.GetCurrentInstant(), actor, "staff.user_reactivated", "staff_user", user.Id));
        await db.SaveChangesAsync(cancellationToken);
        Log.StaffUserReactivated(logger, user.Id);
        return true;
    }
}
