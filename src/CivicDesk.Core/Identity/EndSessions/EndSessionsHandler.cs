using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Identity.EndSessions;

/// <summary>
/// Signing out: changes the user's security stamp, which ends every session of the user (this browser's
/// and any other), and audits <c>staff.signed_out</c>. An unknown user is nothing to end.
/// </summary>
public sealed class EndSessionsHandler(
    CivicDeskDbContext db,
    TimeProvider time,
    ILogger<EndSessionsHandler> logger)
{
    public async Task HandleAsync(Guid userId, string? address, CancellationToken cancellationToken)
    {
        StaffUser? user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return;
        }

        Instant now = time.GetCurrentInstant();
        user.EndSessions();
        Actor actor = new(ActorKind.Staff, user.Id, user.UserName, address);
        db.AuditEntries.Add(new AuditEntry(time.NewId(), now, actor, "staff.signed_out", "staff_user", user.Id));
        await db.SaveChangesAsync(cancellationToken);
        Log.SignedOut(logger, user.Id);
    }
}
