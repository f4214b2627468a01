using CivicDesk.Core.Audit;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.ChangePassword;
using CivicDesk.Core.Identity.FirstAdministrator;
using CivicDesk.Core.Identity.SignIn;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Tests.Workspace;

public sealed class SignInHandlerTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_RightPassword_SignsInAndAuditsSuccess(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid userId = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");

        Result<SignedInStaff> result = await SignInAsync(world, " ANA ", StaffWorld.Password);

        Assert.True(result.IsSuccess);
        Assert.Equal(userId, result.Value.UserId);
        Assert.Equal(StaffRole.Agent, result.Value.Role);
        AuditEntry audit = await LastAuditAsync(world);
        Assert.Equal("staff.sign_in.succeeded", audit.Action);
        Assert.Equal(userId, audit.ActorId);
        Assert.Equal("198.51.100.7", audit.Address);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_WrongPasswordOrUnknownUser_GivesTheSameRefusalAndAuditsWithoutThePassword(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid userId = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");

        Result<SignedInStaff> wrong = await SignInAsync(world, "ana", "a wrong passphrase 1");
        Result<SignedInStaff> unknown = await SignInAsync(world, "nobody", "a wrong passphrase 2");

        Assert.Equal(wrong.Error, unknown.Error);
        Assert.IsType<SignInRefused>(wrong.Error);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        List<AuditEntry> failures = await db.AuditEntries.Where(a => a.Action == "staff.sign_in.failed")
            .OrderBy(a => a.At).ToListAsync(StaffWorld.Ct);
        Assert.Equal([userId, null], failures.Select(a => a.ActorId));
        Assert.Equal("unknown", failures[1].ActorLabel);
        Assert.All(failures, a
            => Assert.DoesNotContain("passphrase", a.Detail ?? string.Empty, StringComparison.Ordinal));
        Assert.All(failures, a => Assert.DoesNotContain("nobody", a.ActorLabel + a.Detail, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_FiveFailuresInARow_LocksEvenTheRightPasswordFor15Minutes(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        for (int i = 0; i < 5; i++)
        {
            Assert.False((await SignInAsync(world, "ana", "a wrong passphrase")).IsSuccess);
        }

        Result<SignedInStaff> locked = await SignInAsync(world, "ana", StaffWorld.Password);
        world.Time.Advance(TimeSpan.FromMinutes(14));
        Result<SignedInStaff> stillLocked = await SignInAsync(world, "ana", StaffWorld.Password);
        world.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Result<SignedInStaff> unlocked = await SignInAsync(world, "ana", StaffWorld.Password);

        Assert.IsType<SignInRefused>(locked.Error);
        Assert.IsType<SignInRefused>(stillLocked.Error);
        Assert.True(unlocked.IsSuccess);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        List<string?> reasons = await db.AuditEntries.Where(a => a.Action == "staff.sign_in.failed")
            .OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.Detail).ToListAsync(StaffWorld.Ct);
        Assert.Equal(7, reasons.Count);
        Assert.Contains("locked", reasons[5], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EnsureFirstAdministrator_CalledTwice_CreatesOneAdminWhoMustChangeTheOneTimePassword(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);

        string? first;
        string? second;
        await using (AsyncServiceScope scope = world.Scope())
        {
            first = await StaffWorld.Get<EnsureFirstAdministratorHandler>(scope).HandleAsync(world.JurisdictionId,
                StaffWorld.Ct);
            second = await StaffWorld.Get<EnsureFirstAdministratorHandler>(scope).HandleAsync(world.JurisdictionId,
                StaffWorld.Ct);
        }

        Assert.NotNull(first);
        Assert.True(first.Length >= 20);
        Assert.Null(second);
        Result<SignedInStaff> signedIn = await SignInAsync(world, "admin", first);
        Assert.True(signedIn.Value.MustChangePassword);
        Assert.Equal(StaffRole.Administrator, signedIn.Value.Role);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Assert.Equal(1, await db.StaffUsers.CountAsync(StaffWorld.Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangePassword_AfterOneTimePassword_ClearsTheFlagAndOnlyTheNewPasswordWorks(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        string oneTime;
        await using (AsyncServiceScope scope = world.Scope())
        {
            oneTime = (
                await StaffWorld.Get<EnsureFirstAdministratorHandler>(scope).HandleAsync(world.JurisdictionId,
                    StaffWorld.Ct))!;
        }

        Guid adminId = (await SignInAsync(world, "admin", oneTime)).Value.UserId;
        Result<SignedInStaff> tooShort = await ChangeAsync(world, new ChangePassword(adminId, oneTime, "short", null));
        Result<SignedInStaff> wrongCurrent = await ChangeAsync(world,
            new ChangePassword(adminId, "not it at all", "a brand new passphrase", null));
        Result<SignedInStaff> changed = await ChangeAsync(world,
            new ChangePassword(adminId, oneTime, "a brand new passphrase", null));

        Assert.Equal("new_password", Assert.Single(Assert.IsType<ValidationFailed>(tooShort.Error).Errors).Field);
        Assert.Equal("current_password",
            Assert.Single(Assert.IsType<ValidationFailed>(wrongCurrent.Error).Errors).Field);
        Assert.True(changed.IsSuccess);
        Assert.False((await SignInAsync(world, "admin", oneTime)).IsSuccess);
        Assert.False((await SignInAsync(world, "admin", "a brand new passphrase")).Value.MustChangePassword);
    }

    private static async Task<Result<SignedInStaff>> SignInAsync(StaffWorld world, string userName, string password)
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<SignedInStaff> result = await StaffWorld.Get<SignInHandler>(scope)
            .HandleAsync(new SignIn(userName, password, "198.51.100.7"), StaffWorld.Ct);

        // One second between attempts keeps the audit trail's order unambiguous.
        world.Time.Advance(TimeSpan.FromSeconds(1));
        return result;
    }

    private static async Task<Result<SignedInStaff>> ChangeAsync(StaffWorld world, ChangePassword request)
    {
        await using AsyncServiceScope scope = world.Scope();
        return await StaffWorld.Get<ChangePasswordHandler>(scope).HandleAsync(request, StaffWorld.Ct);
    }

    private static async Task<AuditEntry> LastAuditAsync(StaffWorld world)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.AuditEntries.OrderByDescending(a => a.At).FirstAsync(StaffWorld.Ct);
    }
}
