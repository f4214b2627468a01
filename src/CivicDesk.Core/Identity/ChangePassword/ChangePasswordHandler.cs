using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Identity.ChangePassword;

/// <summary>
/// Sets a new password after checking the current one; clears the one-time-password flag. The security
/// stamp changes with the password, which ends every session of the user; the caller's own session goes on
/// with the returned facts.
/// </summary>
public sealed class ChangePasswordHandler(
    CivicDeskDbContext db,
    PasswordHasher hasher,
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

        List<FieldError> errors = [];
        if (!PasswordHasher.Verify(request.CurrentPassword, user.PasswordHash))
        {
            errors.Add(new FieldError("current_password", "wrong", "The current password is not right."));
        }

        if (StaffNames.CheckPassword(request.NewPassword, "new_password") is FieldError weak)
        {
            errors.Add(weak);
        }
        else if (request.NewPassword == request.CurrentPassword)
        {
            errors.Add(
                new FieldError("new_password", "unchanged", "Choose a password different from the current one."));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        Instant now = time.GetCurrentInstant();
        user.SetPassword(hasher.Hash(request.NewPassword));
        Actor actor = new(ActorKind.Staff, user.Id, user.UserName, request.Address);
        db.AuditEntries.Add(new AuditEntry(time.NewId(), now, actor, "staff.password_changed", "staff_user", user.Id));
        await db.SaveChangesAsync(cancellationToken);
        Log.PasswordChanged(logger, user.Id);
        return SignedInStaff.Of(user);
    }
}
