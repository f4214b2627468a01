using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Identity.DeactivateStaffUser;

/// <summary>
/// Deactivates a staff user and changes the security stamp, so sessions already open are refused at their
/// next request; audited as <c>staff.user_deactivated</c>. Deactivating an inactive user changes nothing.
/// </summary>
public sealed class DeactivateStaffUserHandler(
    CivicDeskDbContext db,
    TimeProvider time,
    ILogger<DeactivateStaffUserHandler> logger)
{
    public async Task<Result<bool>> HandleAsync(
        DeactivateStaffUser request,
        Actor actor,
        CancellationToken cancellationToken)
    {
        StaffUser? user = await StaffUserLookup.FindAsync(db, request.UserName, cancellationToken);
        if (user is null)
        {
            return StaffUserLookup.Unknown;
        }

        if (!user.IsActive)
        {
            return false;
        }

        Instant now = time.GetCurrentInstant();
        user.Deactivate();
        db.AuditEntries.Add(
            new AuditEntry(time.NewId(), now, actor, "staff.user_deactivated", "staff_user", user.Id));
        await db.SaveChangesAsync(cancellationToken);
        Log.StaffUserDeactivated(logger, user.Id);
        return true;
    }
}
