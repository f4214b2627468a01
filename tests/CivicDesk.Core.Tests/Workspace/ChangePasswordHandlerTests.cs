using CivicDesk.Core.Audit;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.ChangePassword;
using CivicDesk.Core.Identity.SignIn;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Tests.Workspace;

public sealed class ChangePasswordHandlerTests
{
    private const string NewPassword = "a brand new passphrase";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_FiveWrongCurrentPasswords_LocksSignInAndChangeFor15Minutes(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid userId = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        for (int i = 0; i < 5; i++)
        {
            Result<SignedInStaff> wrong = await ChangeAsync(world, userId, $"a wrong guess {i}");
            Assert.Equal("wrong", CodeOf(wrong, "current_password"));
        }

        Result<SignedInStaff> lockedChange = await ChangeAsync(world, userId, StaffWorld.Password);
        Result<SignedInStaff> lockedSignIn = await SignInAsync(world, StaffWorld.Password);
        world.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Result<SignedInStaff> changed = await ChangeAsync(world, userId, StaffWorld.Password);

        Assert.Equal("locked", CodeOf(lockedChange, "current_password"));
        Assert.IsType<SignInRefused>(lockedSignIn.Error);
        Assert.True(changed.IsSuccess);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        List<AuditEntry> failures = await db.AuditEntries.Where(a => a.Action == "staff.password_change.failed")
            .ToListAsync(StaffWorld.Ct);
        Assert.Equal(6, failures.Count);
        Assert.All(failures, a => Assert.DoesNotContain("guess", a.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_WrongCurrentPasswordsAfterWrongSignIns_ReachTheSameLockout(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid userId = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        for (int i = 0; i < 3; i++)
        {
            Assert.False((await SignInAsync(world, "a wrong guess")).IsSuccess);
        }

        await ChangeAsync(world, userId, "a wrong guess");
        await ChangeAsync(world, userId, "a wrong guess");
        Result<SignedInStaff> signIn = await SignInAsync(world, StaffWorld.Password);
        Result<SignedInStaff> change = await ChangeAsync(world, userId, StaffWorld.Password);

        Assert.IsType<SignInRefused>(signIn.Error);
        Assert.Equal("locked", CodeOf(change, "current_password"));
    }

    private static string? CodeOf(Result<SignedInStaff> result, string field) =>
        Assert.IsType<ValidationFailed>(result.Error).Errors.SingleOrDefault(e => e.Field == field)?.Code;

    private static async Task<Result<SignedInStaff>> ChangeAsync(StaffWorld world, Guid userId, string current)
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<SignedInStaff> result = await StaffWorld.Get<ChangePasswordHandler>(scope)
            .HandleAsync(new ChangePassword(userId, current, NewPassword, "198.51.100.7"), StaffWorld.Ct);
        world.Time.Advance(TimeSpan.FromSeconds(1));
        return result;
    }

    private static async Task<Result<SignedInStaff>> SignInAsync(StaffWorld world, string password)
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<SignedInStaff> result = await StaffWorld.Get<SignInHandler>(scope)
            .HandleAsync(new SignIn("ana", password, "198.51.100.7"), StaffWorld.Ct);
        world.Time.Advance(TimeSpan.FromSeconds(1));
        return result;
    }
}
