using System.Text.RegularExpressions;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicDesk.Cli.Tests.Commands;

public sealed partial class UserAccountCommandTests
{
    private const string Chosen = "a chosen passphrase";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersResetPassword_OneTimeOrFromStdin_ForcesAChangeEndsSessionsAndIsAudited(string provider)
    {
        await using TestDatabase database = await SeededWithAnaAsync(provider);
        string stampBefore = (await UserAsync(database, "ana")).SecurityStamp;

        (int oneTime, string printed, _) = await RunAsync(database, "", "users", "reset-password", "--username", "ana");
        StaffUser afterOneTime = await UserAsync(database, "ana");
        (int fromStdin, string said, _) = await RunAsync(database, "another chosen passphrase\n",
            "users", "reset-password", "--username", "Ana", "--password-stdin");
        StaffUser afterStdin = await UserAsync(database, "ana");

        Assert.Equal((0, 0), (oneTime, fromStdin));
        string password = OneTimePassword().Match(printed).Groups[1].Value;
        Assert.True(PasswordHasher.Verify(password, afterOneTime.PasswordHash));
        Assert.True(afterOneTime.MustChangePassword);
        Assert.NotEqual(stampBefore, afterOneTime.SecurityStamp);
        Assert.Contains("must be changed at the next sign-in", said, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("another chosen passphrase", afterStdin.PasswordHash));
        Assert.True(afterStdin.MustChangePassword);
        Assert.Equal(2, await AuditCountAsync(database, "staff.password_reset"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersResetPassword_UnknownUserOrWeakPassword_NamesTheOptionAndExits1(string provider)
    {
        await using TestDatabase database = await SeededWithAnaAsync(provider);

        (int unknown, _, string unknownError) = await RunAsync(
            database, "", "users", "reset-password", "--username", "nobody");
        (int weak, _, string weakError) = await RunAsync(
            database, "short\n", "users", "reset-password", "--username", "ana", "--password-stdin");

        Assert.Equal((1, 1), (unknown, weak));
        Assert.Equal("--username: No staff user has this user name.", unknownError.Trim());
        Assert.StartsWith("--password:", weakError, StringComparison.Ordinal);
        Assert.Equal(0, await AuditCountAsync(database, "staff.password_reset"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersReactivate_DeactivatedUser_OpensTheAccountAgainAudited(string provider)
    {
        await using TestDatabase database = await SeededWithAnaAsync(provider);
        await RunAsync(database, "", "users", "deactivate", "--username", "ana");

        (int reactivated, string output, _) = await RunAsync(database, "", "users", "reactivate", "--username", "ana");
        (int again, string againOutput, _) = await RunAsync(database, "", "users", "reactivate", "--username", "ana");
        (int unknown, _, string unknownError) = await RunAsync(
            database, "", "users", "reactivate", "--username", "nobody");

        Assert.Equal((0, 0, 1), (reactivated, again, unknown));
        Assert.Equal("Reactivated staff user 'ana'.", output.Trim());
        Assert.Equal("Staff user 'ana' was already active.", againOutput.Trim());
        Assert.StartsWith("--username:", unknownError, StringComparison.Ordinal);
        Assert.True((await UserAsync(database, "ana")).IsActive);
        Assert.Equal(1, await AuditCountAsync(database, "staff.user_reactivated"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersChange_RoleAndDepartments_ReplacesThemEndsSessionsAndIsAudited(string provider)
    {
        await using TestDatabase database = await SeededWithAnaAsync(provider);
        string stampBefore = (await UserAsync(database, "ana")).SecurityStamp;

        (int changed, string output, _) = await RunAsync(database, "", "users", "change", "--username", "ana",
            "--role", "supervisor", "--department", "dot", "--department", "DSNY");
        (_, string list, _) = await RunAsync(database, "", "users", "list");

        Assert.Equal(0, changed);
        Assert.Equal("Staff user 'ana' is now supervisor of DOT,DSNY.", output.Trim());
        Assert.Matches(new Regex(@"^ana\s+supervisor\s+DOT,DSNY\s+active\s+Ana Diaz$", RegexOptions.Multiline), list);
        Assert.NotEqual(stampBefore, (await UserAsync(database, "ana")).SecurityStamp);
        Assert.Equal(1, await AuditCountAsync(database, "staff.user_access_changed"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersChange_BadInput_ExplainsAndChangesNothing(string provider)
    {
        await using TestDatabase database = await SeededWithAnaAsync(provider);

        (int badRole, _, string roleError) = await RunAsync(
            database, "", "users", "change", "--username", "ana", "--role", "boss");
        (int badDepartment, _, string departmentError) = await RunAsync(
            database, "", "users", "change", "--username", "ana", "--department", "XYZ");
        (int nothing, _, string nothingError) = await RunAsync(database, "", "users", "change", "--username", "ana");
        (int unknown, _, string unknownError) = await RunAsync(
            database, "", "users", "change", "--username", "nobody", "--role", "agent");

        Assert.Equal((2, 1, 2, 1), (badRole, badDepartment, nothing, unknown));
        Assert.StartsWith("--role:", roleError, StringComparison.Ordinal);
        Assert.Equal("--department: No department has the code 'XYZ'.", departmentError.Trim());
        Assert.StartsWith("Give --role, --department or both.", nothingError, StringComparison.Ordinal);
        Assert.StartsWith("--username:", unknownError, StringComparison.Ordinal);
        Assert.Equal(0, await AuditCountAsync(database, "staff.user_access_changed"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersAdd_UpperCaseUserName_IsRefusedSayingTheLowerCaseName(string provider)
    {
        await using TestDatabase database = await SeededWithAnaAsync(provider);

        (int exit, _, string error) = await RunAsync(database, "", "users", "add", "--username", "Bad",
            "--name", "Bad Name", "--role", "agent", "--department", "HPD");

        Assert.Equal(1, exit);
        Assert.Equal("--username: user names are lower case; use 'bad'.", error.Trim());
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.False(await db.StaffUsers.AnyAsync(u => u.UserName == "bad", Ct));
    }

    private static async Task<TestDatabase> SeededWithAnaAsync(string provider)
    {
        TestDatabase database = await TestDatabase.CreateAsync(provider);
        await using (CivicDeskDbContext db = await database.CreateMigratedContextAsync())
        {
            SeedCatalogHandler seed = new(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance);
            await seed.HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
        }

        (int added, _, string error) = await RunAsync(database, Chosen + "\n", "users", "add", "--username", "ana",
            "--name", "Ana Diaz", "--role", "agent", "--department", "HPD", "--password-stdin");
        Assert.True(added == 0, error);
        return database;
    }

    private static async Task<StaffUser> UserAsync(TestDatabase database, string userName)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        return await db.StaffUsers.AsNoTracking().SingleAsync(u => u.UserName == userName, Ct);
    }

    private static async Task<int> AuditCountAsync(TestDatabase database, string action)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        List<AuditEntry> entries = await db.AuditEntries.Where(a => a.Action == action).ToListAsync(Ct);
        Assert.All(entries, e => Assert.Equal("cli", e.ActorLabel));
        return entries.Count;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        TestDatabase database,
        string input,
        params string[] args)
    {
        using StringReader reader = new(input);
        using StringWriter output = new();
        using StringWriter error = new();
        string[] all = ["--database", database.Provider, "--connection", database.ConnectionString, .. args];
        int exitCode = await CliApp.RunAsync(all, reader, output, error, Ct);
        return (exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex("one-time password ([A-Za-z0-9]{20}) ")]
    private static partial Regex OneTimePassword();
}
