using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Npgsql;

namespace CivicDesk.Cli.Tests.Commands;

/// <summary>
/// Commands that need the database, run on one that is empty or missing: one line saying what to do, exit
/// code 3, nothing on standard output and no stack trace.
/// </summary>
public sealed class DatabaseStateTests
{
    private const string NotMigrated = "The database is not migrated; run `civicdesk migrate` first.";

    public static TheoryData<string, string[]> Commands()
    {
        string[][] commands =
        [
            ["users", "list"],
            ["users", "add", "--username", "ana", "--name", "Ana Diaz", "--role", "administrator"],
            ["users", "deactivate", "--username", "ana"],
            ["apikeys", "list"],
            ["apikeys", "issue", "--jurisdiction", "nyc", "--name", "Partner"],
            ["apikeys", "revoke", "cd_abcdef"],
        ];
        TheoryData<string, string[]> data = [];
        foreach (string provider in new[] { DatabaseProviders.Sqlite, DatabaseProviders.Postgres })
        {
            foreach (string[] command in commands)
            {
                data.Add(provider, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_UnmigratedDatabase_SaysToMigrateInOneLineAndExits3(string provider, string[] command)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);

        (int exitCode, string output, string error) = await CliRun.RunAsync(database, command);

        Assert.Equal(CliContext.DatabaseNotReady, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal(NotMigrated + Environment.NewLine, error);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersList_AfterMigrate_Works(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);

        (int before, _, _) = await CliRun.RunAsync(database, "users", "list");
        (int migrated, _, _) = await CliRun.RunAsync(database, "migrate");
        (int after, string output, string error) = await CliRun.RunAsync(database, "users", "list");

        Assert.Equal((CliContext.DatabaseNotReady, 0, 0), (before, migrated, after));
        Assert.Contains("0 staff user(s).", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task UsersList_SqliteFileInAFolderThatDoesNotExist_SaysToMigrate()
    {
        string folder = Path.Combine(Path.GetTempPath(), "civicdesk-tests", "missing-" + Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--database", DatabaseProviders.Sqlite, "--connection",
            $"Data Source={Path.Combine(folder, "civicdesk.db")};Pooling=False", "users", "list",
        ];
        using StringWriter output = new();
        using StringWriter error = new();

        int exitCode = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(CliContext.DatabaseNotReady, exitCode);
        Assert.Equal(NotMigrated + Environment.NewLine, error.ToString());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task UsersList_PostgresDatabaseThatDoesNotExist_SaysItCannotBeReachedInOneLine()
    {
        string? server = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(server), $"Set {TestDatabase.PostgresVariable} to run it.");
        string missing = new NpgsqlConnectionStringBuilder(server)
        {
            Database = $"civicdesk_missing_{Guid.NewGuid():N}",
            Pooling = false,
        }.ConnectionString;
        using StringWriter output = new();
        using StringWriter error = new();

        int exitCode = await CliApp.RunAsync(
            ["--database", DatabaseProviders.Postgres, "--connection", missing, "users", "list"],
            output, error, TestContext.Current.CancellationToken);

        Assert.Equal(CliContext.DatabaseNotReady, exitCode);
        Assert.Equal(string.Empty, output.ToString());
        string line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("The database cannot be reached or does not exist", line, StringComparison.Ordinal);
    }
}
