using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Identity.ResetStaffPassword;

/// <summary>
/// Resets a staff user's password for someone who forgot it: every open session ends, a lock is lifted and
/// the user must choose a new password at the next sign-in. Audited as <c>staff.password_reset</c>.
/// </summary>
public sealed class ResetStaffPasswordHandler(
    CivicDeskDbContext db,
    PasswordHasher hasher,
    PasswordPolicy passwords,
    TimeProvider time,
    ILogger<ResetStaffPasswordHandler> logger)
{
    public async Task<Result<StaffPasswordReset>> HandleAsync(
        ResetStaffPassword request,
        Actor actor,
        CancellationToken cancellationToken)
    {
        StaffUser? user = await StaffUserLookup.FindAsync(db, request.UserName, cancellationToken);
        if (user is null)
        {
            return StaffUserLookup.Unknown;
        }

        if (request.Password is not null
            && passwords.Check(request.Password, "password", user.UserName) is FieldError weak)
        {
            return new ValidationFailed([weak]);
        }

        string? oneTime = request.Password is null ? OneTimePasswords.New() : null;
        Instant now = time.GetCurrentInstant();
        user.ResetPassword(hasher.Hash(request.Password ?? oneTime!));
        db.AuditEntries.Add(new AuditEntry(time.NewId(), now, actor, "staff.password_reset", "staff_user", user.Id)
        {
            Detail = JsonSerializer.Serialize(new { oneTimePassword = oneTime is not null }),
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.PasswordReset(logger, user.Id);
        return new StaffPasswordReset(user.Id, user.UserName, oneTime);
    }
}
