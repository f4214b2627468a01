using System.Text.RegularExpressions;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicDesk.Cli.Tests.Commands;

public sealed class UsersCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersAdd_WithAndWithoutPassword_CreatesUsersThatListShows(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        (int withPassword, string added, _) = await RunAsync(
            database, "a chosen passphrase\n",
            "users", "add", "--username", "ana", "--name", "Ana Diaz", "--role", "agent",
            "--department", "HPD", "--department", "DOT", "--password-stdin");
        (int oneTime, string printed, _) = await RunAsync(
            database, string.Empty, "users", "add", "--username", "ben", "--name", "Ben Ng", "--role", "Supervisor",
            "--department", "hpd");
        (int listed, string list, _) = await RunAsync(database, string.Empty, "users", "list");

        Assert.Equal((0, 0, 0), (withPassword, oneTime, listed));
        Assert.Equal("Created staff user 'ana'.", added.Trim());
        Assert.Matches("one-time password [A-Za-z0-9]{20} ", printed);
        Assert.Matches(new Regex(@"^ana\s+agent\s+DOT,HPD\s+active\s+Ana Diaz$", RegexOptions.Multiline), list);
        Assert.Matches(
            new Regex(@"^ben\s+supervisor\s+HPD\s+must change password\s+Ben Ng$", RegexOptions.Multiline), list);
        Assert.Contains("2 staff user(s).", list, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        StaffUser ana = await db.StaffUsers.SingleAsync(u => u.UserName == "ana",
            TestContext.Current.CancellationToken);
        Assert.StartsWith("pbkdf2-sha256$600000$", ana.PasswordHash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("a chosen passphrase", ana.PasswordHash));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersAdd_BadInput_NamesEachOptionAndCreatesNothing(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        (int badRole, _, string roleError) = await RunAsync(
            database, string.Empty, "users", "add", "--username", "ana", "--name", "Ana", "--role", "boss");
        (int badValues, _, string errors) = await RunAsync(
            database, "short\n", "users", "add", "--username", "9ana", "--name", "Ana", "--role", "agent",
            "--department", "XYZ", "--password-stdin");

        Assert.Equal((2, 1), (badRole, badValues));
        Assert.StartsWith("--role:", roleError, StringComparison.Ordinal);
        Assert.Contains("--username:", errors, StringComparison.Ordinal);
        Assert.Contains("--password:", errors, StringComparison.Ordinal);
        Assert.Contains("--department: No department has the code 'XYZ'.", errors, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(0, await db.StaffUsers.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersAdd_TimeZone_IsStoredWhenTzdbKnowsItAndRefusedNamingTheOptionOtherwise(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        (int unknown, _, string error) = await RunAsync(database, string.Empty, "users", "add", "--username", "ana",
            "--name", "Ana Diaz", "--role", "agent", "--department", "HPD", "--time-zone", "Mars/Olympus_Mons");
        (int known, _, _) = await RunAsync(database, string.Empty, "users", "add", "--username", "ana",
            "--name", "Ana Diaz", "--role", "agent", "--department", "HPD", "--time-zone", "America/Chicago");

        Assert.Equal((1, 0), (unknown, known));
        Assert.StartsWith("--time-zone: No time zone of the tz database", error, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        StaffUser ana = await db.StaffUsers.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("America/Chicago", ana.TimeZoneId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersAdd_Email_IsStoredWhenItIsAnAddressAndRefusedNamingTheOptionOtherwise(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        (int invalid, _, string error) = await RunAsync(database, string.Empty, "users", "add", "--username", "ana",
            "--name", "Ana Diaz", "--role", "agent", "--department", "HPD", "--email", "ana at agency");
        (int valid, _, _) = await RunAsync(database, string.Empty, "users", "add", "--username", "ana",
            "--name", "Ana Diaz", "--role", "agent", "--department", "HPD", "--email", " ana@agency.example.gov ");

        Assert.Equal((1, 0), (invalid, valid));
        Assert.StartsWith("--email: An email address looks like", error, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        StaffUser ana = await db.StaffUsers.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("ana@agency.example.gov", ana.Email);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersAdd_Language_IsStoredWhenSupportedAndRefusedNamingTheOptionOtherwise(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        (int unsupported, _, string error) = await RunAsync(database, string.Empty, "users", "add", "--username",
            "ana", "--name", "Ana Diaz", "--role", "agent", "--department", "HPD", "--language", "fr");
        (int supported, _, _) = await RunAsync(database, string.Empty, "users", "add", "--username", "ana",
            "--name", "Ana Diaz", "--role", "agent", "--department", "HPD", "--language", "ES");
        (int byDefault, _, _) = await RunAsync(database, string.Empty, "users", "add", "--username", "ben",
            "--name", "Ben Diaz", "--role", "agent", "--department", "HPD");

        Assert.Equal((1, 0, 0), (unsupported, supported, byDefault));
        Assert.StartsWith("--language: Choose en or es.", error, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        List<StaffUser> users = await db.StaffUsers.OrderBy(u => u.UserName).ToListAsync(
            TestContext.Current.CancellationToken);
        Assert.Equal(["es", "en"], users.Select(u => u.Language));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersAdd_CommonOrPredictablePassword_IsRefusedNamingThePassword(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        (int common, _, string commonError) = await RunAsync(database, "Password1234!\n", "users", "add",
            "--username", "ana", "--name", "Ana Diaz", "--role", "agent", "--department", "HPD", "--password-stdin");
        (int named, _, string namedError) = await RunAsync(database, "ana is my name\n", "users", "add",
            "--username", "ana", "--name", "Ana Diaz", "--role", "agent", "--department", "HPD", "--password-stdin");

        Assert.Equal((1, 1), (common, named));
        Assert.StartsWith("--password: A password may not be made of common password words", commonError,
            StringComparison.Ordinal);
        Assert.StartsWith("--password: A password may not contain the user name.", namedError,
            StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(0, await db.StaffUsers.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersDeactivate_KnownAndUnknownName_ClosesTheAccountAndChangesItsSecurityStamp(
        string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await RunAsync(database, "a chosen passphrase\n", "users", "add", "--username", "ana", "--name", "Ana Diaz",
            "--role", "agent", "--department", "HPD", "--password-stdin");
        string stampBefore = await StampAsync(database, "ana");

        (int deactivated, string output, _) = await RunAsync(database, string.Empty, "users", "deactivate",
            "--username", "ana");
        (int again, string againOutput, _) = await RunAsync(database, string.Empty, "users", "deactivate",
            "--username", "ana");
        (int unknown, _, string unknownError) = await RunAsync(database, string.Empty, "users", "deactivate",
            "--username", "nobody");
        (_, string list, _) = await RunAsync(database, string.Empty, "users", "list");

        Assert.Equal((0, 0, 1), (deactivated, again, unknown));
        Assert.Contains("Deactivated staff user 'ana'", output, StringComparison.Ordinal);
        Assert.Contains("already deactivated", againOutput, StringComparison.Ordinal);
        Assert.StartsWith("--username:", unknownError, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^ana\s+agent\s+HPD\s+deactivated\s+Ana Diaz$", RegexOptions.Multiline), list);
        Assert.NotEqual(stampBefore, await StampAsync(database, "ana"));
    }

    private static async Task<string> StampAsync(TestDatabase database, string userName)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        return await db.StaffUsers.Where(u => u.UserName == userName).Select(u => u.SecurityStamp)
            .SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        SeedCatalogHandler seed = new(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance);
        await seed.HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), TestContext.Current.CancellationToken);
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
        int exitCode = await CliApp.RunAsync(all, reader, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
