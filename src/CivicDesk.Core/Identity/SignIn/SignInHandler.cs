using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CivicDesk.Core.Identity.SignIn;

/// <summary>
/// Checks a staff user's password. Every attempt is audited (<c>staff.sign_in.succeeded</c> or
/// <c>staff.sign_in.failed</c>, with the user's id when the name is known, never what was typed as the
/// password). After <see cref="IdentityOptions.MaxFailedSignIns"/> failures in a row the account locks.
/// </summary>
public sealed class SignInHandler(
    CivicDeskDbContext db,
    PasswordHasher hasher,
    IOptions<IdentityOptions> options,
    TimeProvider time,
    ILogger<SignInHandler> logger)
{
    public async Task<Result<SignedInStaff>> HandleAsync(SignIn request, CancellationToken cancellationToken)
    {
        string userName = StaffNames.Normalize(request.UserName);
        Instant now = time.GetCurrentInstant();
        StaffUser? user = userName.Length is 0 or > StaffNames.MaxUserNameLength
            ? null
            : await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        bool passwordMatches = PasswordHasher.Verify(request.Password, user?.PasswordHash ?? hasher.Decoy);
        string? refusal = user switch
        {
            null => "unknown_user",
            { IsActive: false } => "inactive",
            _ when user.IsLockedAt(now) => "locked",
            _ when !passwordMatches => "wrong_password",
            _ => null,
        };
        if (refusal is not null)
        {
            await RefuseAsync(user, refusal, request.Address, now, cancellationToken);
            return new SignInRefused();
        }

        StaffUser signedIn = user!;
        signedIn.RecordSignIn();
        if (hasher.NeedsRehash(signedIn.PasswordHash))
        {
            signedIn.UpgradePasswordHash(hasher.Hash(request.Password));
        }

        db.AuditEntries.Add(Audit("staff.sign_in.succeeded", signedIn, request.Address, now, null));
        await db.SaveChangesAsync(cancellationToken);
        Log.SignedIn(logger, signedIn.Id);
        return SignedInStaff.Of(signedIn);
    }

    private async Task RefuseAsync(
        StaffUser? user,
        string reason,
        string? address,
        Instant now,
        CancellationToken cancellationToken)
    {
        if (reason == "wrong_password" && user is not null)
        {
            user.RecordFailedSignIn(now, options.Value.MaxFailedSignIns,
                Duration.FromMinutes(options.Value.LockoutMinutes));
            if (user.IsLockedAt(now))
            {
                Log.AccountLocked(logger, user.Id);
            }
        }

        db.AuditEntries.Add(Audit("staff.sign_in.failed", user, address, now, reason));
        await db.SaveChangesAsync(cancellationToken);
        Log.SignInRefused(logger, user?.Id, reason);
    }

    private AuditEntry Audit(string action, StaffUser? user, string? address, Instant now, string? reason)
    {
        // An unknown name is not recorded: people type passwords into the name field.
        Actor actor = new(ActorKind.Staff, user?.Id, user?.UserName ?? "unknown", address);
        return new AuditEntry(time.NewId(), now, actor, action, "staff_user", user?.Id)
        {
            Detail = reason is null ? null : JsonSerializer.Serialize(new { reason }),
        };
    }
}
