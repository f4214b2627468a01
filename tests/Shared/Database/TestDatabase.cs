using CivicDesk.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicDesk.Testing;

/// <summary>
/// A fresh, empty database for one test or one test class, on SQLite (a temporary file) or on the real
/// PostgreSQL server named by <c>CIVICDESK_TEST_POSTGRES</c>. Dropped when disposed.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CIVICDESK_TEST_POSTGRES";

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public static Task<TestDatabase> CreateAsync(string provider) => provider switch
    {
        DatabaseProviders.Sqlite => Task.FromResult<TestDatabase>(new SqliteTestDatabase()),
        DatabaseProviders.Postgres => PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };

    /// <summary>A context on this database, migrated with the provider's own migration set.</summary>
    public async Task<CivicDeskDbContext> CreateMigratedContextAsync()
    {
        CivicDeskDbContext db = CreateContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    public CivicDeskDbContext CreateContext()
    {
        DbContextOptionsBuilder<CivicDeskDbContext> builder = new();
        DataServiceCollectionExtensions.Configure(builder, Options);
        return new CivicDeskDbContext(builder.Options);
    }

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteTestDatabase : TestDatabase
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), "civicdesk-tests", $"{Guid.NewGuid():N}.db");

        public override string Provider => DatabaseProviders.Sqlite;

        public override string ConnectionString => $"Data Source={_path};Pooling=False";

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_path + suffix);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresTestDatabase(string server, string name) : TestDatabase
    {
        public override string Provider => DatabaseProviders.Postgres;

        public override string ConnectionString =>
            new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;

        public static async Task<TestDatabase> CreateAsync()
        {
            string? server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                Assert.Skip($"Set {PostgresVariable} to a PostgreSQL connection string to run the PostgreSQL tests.");
            }

            string name = $"civicdesk_test_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            return new PostgresTestDatabase(server, name);
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }

        private static async Task ExecuteAsync(string server, string sql)
        {
            NpgsqlConnectionStringBuilder admin = new(server) { Database = "postgres", Pooling = false };
            await using NpgsqlConnection connection = new(admin.ConnectionString);
            await connection.OpenAsync();
            await using NpgsqlCommand command = new(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
