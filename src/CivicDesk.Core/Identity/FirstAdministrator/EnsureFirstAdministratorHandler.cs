using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Identity.FirstAdministrator;

/// <summary>
/// On a first start, when no staff user exists yet, creates <c>admin</c> as administrator of the given
/// jurisdiction with a random one-time password, and returns that password so the host can show it once.
/// Returns null when staff users already exist.
/// </summary>
public sealed class EnsureFirstAdministratorHandler(
    CivicDeskDbContext db,
    PasswordHasher hasher,
    TimeProvider time,
    ILogger<EnsureFirstAdministratorHandler> logger)
{
    public const string UserName = "admin";

    public async Task<string?> HandleAsync(Guid jurisdictionId, CancellationToken cancellationToken)
    {
        if (await db.StaffUsers.AnyAsync(cancellationToken))
        {
            return null;
        }

        string password = OneTimePasswords.New();
        Instant now = time.GetCurrentInstant();
        StaffUser admin = new(
            time.NewId(), jurisdictionId, UserName, "Administrator", StaffRole.Administrator,
                hasher.Hash(password), now);
        admin.RequirePasswordChange();
        db.StaffUsers.Add(admin);
        db.AuditEntries.Add(new AuditEntry(time.NewId(), now, Actor.System, "staff.user_added", "staff_user", admin.Id)
        {
            Detail = """{"role":"Administrator","firstStart":true,"oneTimePassword":true}""",
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node created the first administrator at the same moment (unique user name).
            db.ChangeTracker.Clear();
            return null;
        }

        Log.FirstAdministratorCreated(logger, admin.Id);
        return password;
    }
}
