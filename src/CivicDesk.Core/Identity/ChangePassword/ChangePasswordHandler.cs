using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CivicDesk.Core.Identity.ChangePassword;

/// <summary>
/// Sets a new password after checking the current one; clears the one-time-password flag. The security
/// stamp changes with the password, which ends every session of the user; the caller's own session goes on
/// with the returned facts. A wrong current password counts as a failed sign-in toward the same lockout
/// (<see cref="IdentityOptions.MaxFailedSignIns"/>), and a locked account cannot change its password, so
/// the page cannot be used to guess a password the sign-in page would stop.
/// </summary>
public sealed class ChangePasswordHandler(
    CivicDeskDbContext db,
    PasswordHasher hasher,
    PasswordPolicy passwords,
    IOptions<IdentityOptions> options,
    TimeProvider time,
    ILogger<ChangePasswordHandler> logger)
{
    public async Task<Result<SignedInStaff>> HandleAsync(ChangePassword request, CancellationToken cancellationToken)
    {
        StaffUser? user = await db.StaffUsers
            .SingleOrDefaultAsync(u => u.Id == request.UserId && u.IsActive, cancellationToken);
        if (user is null)
        {
            return new NotFound("Staff user");
        }

        Instant now = time.GetCurrentInstant();
        if (user.IsLockedAt(now))
        {
            await RefuseAsync(user, "locked", request.Address, now, cancellationToken);
            return ValidationFailed.Single(
                "current_password", "locked", "The account is locked for a while after repeated wrong passwords.");
        }

        bool currentMatches = PasswordHasher.Verify(request.CurrentPassword, user.PasswordHash);
        List<FieldError> errors = [.. NewPasswordErrors(request, user.UserName)];
        if (!currentMatches)
        {
            errors.Insert(0, new FieldError("current_password", "wrong", "The current password is not right."));
            user.RecordFailedSignIn(now, options.Value.MaxFailedSignIns,
                Duration.FromMinutes(options.Value.LockoutMinutes));
            await RefuseAsync(user, "wrong_password", request.Address, now, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        user.RecordSignIn();
        user.SetPassword(hasher.Hash(request.NewPassword));
        Actor actor = new(ActorKind.Staff, user.Id, user.UserName, request.Address);
        db.AuditEntries.Add(new AuditEntry(time.NewId(), now, actor, "staff.password_changed", "staff_user", user.Id));
        await db.SaveChangesAsync(cancellationToken);
        Log.PasswordChanged(logger, user.Id);
        return SignedInStaff.Of(user);
    }

    private IEnumerable<FieldError> NewPasswordErrors(ChangePassword request, string userName)
    {
        if (passwords.Check(request.NewPassword, "new_password", userName) is FieldError weak)
        {
            yield return weak;
        }
        else if (request.NewPassword == request.CurrentPassword)
        {
            yield return new FieldError(
                "new_password", "unchanged", "Choose a password different from the current one.");
        }
    }

    private async Task RefuseAsync(
        StaffUser user,
        string reason,
        string? address,
        Instant now,
        CancellationToken cancellationToken)
    {
        Actor actor = new(ActorKind.Staff, user.Id, user.UserName, address);
        db.AuditEntries.Add(
            new AuditEntry(time.NewId(), now, actor, "staff.password_change.failed", "staff_user", user.Id)
            {
                Detail = JsonSerializer.Serialize(new { reason }),
            });
        await db.SaveChangesAsync(cancellationToken);
        Log.PasswordChangeRefused(logger, user.Id, reason);
        if (reason == "wrong_password" && user.IsLockedAt(now))
        {
            Log.AccountLocked(logger, user.Id);
        }
    }
}
