using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Core.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivicDesk.Bench.Import;

/// <summary>A fresh database of one provider for one measurement: an SQLite file, or a PostgreSQL database.</summary>
internal sealed record BenchDatabase(string Provider, string ConnectionString)
{
    public static async Task<BenchDatabase> CreateAsync(
        string provider,
        string name,
        string workFolder,
        string? postgresServer,
        CancellationToken cancellationToken)
    {
        if (provider == DatabaseProviders.Sqlite)
        {
            string path = Path.Combine(workFolder, name + ".db");
            SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            return new BenchDatabase(provider, $"Data Source={path}");
        }

        string server = postgresServer
            ?? throw new InvalidOperationException(
                $"Set {ImportScenarioOptions.PostgresVariable} to run on PostgreSQL.");
        NpgsqlConnection.ClearAllPools();
        NpgsqlConnectionStringBuilder admin = new(server) { Database = "postgres" };
        await using NpgsqlConnection connection = new(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (string sql in new[] { $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name}" })
        {
            await using NpgsqlCommand command = new(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        NpgsqlConnectionStringBuilder database = new(server) { Database = name };
        return new BenchDatabase(provider, database.ConnectionString);
    }

    /// <summary>
    /// A PostgreSQL database <paramref name="target"/> made anew as a file copy of <paramref name="source"/> (no other
    /// connection may be open on the source), statistics and visibility map included.
    /// </summary>
    public static async Task<BenchDatabase> CopyAsync(
        string source,
        string target,
        string postgresServer,
        CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        NpgsqlConnectionStringBuilder admin = new(postgresServer) { Database = "postgres" };
        await using NpgsqlConnection connection = new(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (string sql in new[]
                 {
                     $"DROP DATABASE IF EXISTS {target} WITH (FORCE)",
                     $"CREATE DATABASE {target} TEMPLATE {source} STRATEGY FILE_COPY",
                 })
        {
            await using NpgsqlCommand command = new(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        NpgsqlConnectionStringBuilder database = new(postgresServer) { Database = target };
        return new BenchDatabase(DatabaseProviders.Postgres, database.ConnectionString);
    }

    public CivicDeskDbContext CreateContext()
    {
        DbContextOptionsBuilder<CivicDeskDbContext> builder = new();
        DatabaseOptions options = new() { Provider = Provider, ConnectionString = ConnectionString };
        DataServiceCollectionExtensions.Configure(builder, options);
        return new CivicDeskDbContext(builder.Options);
    }

    /// <summary>Migrates, then imports the 4,999-row sample with the importer: the baseline's templates.</summary>
    public async Task PrepareWithSampleAsync(
        string mapping,
        string sample,
        string report,
        CancellationToken cancellationToken)
    {
        await using CivicDeskDbContext db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        SeedCatalogHandler seed = new(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance);
        CatalogCache catalog = new(TimeProvider.System);
        ISlaPolicy policy = new CaseTypeSlaPolicy(
            new SlaSources(db, catalog), new DefaultSlaPolicy(db, catalog, Options.Create(new SlaOptions())));
        SlaFirstScheduling clocks = new(
            db, policy, new SlaTimerScheduler(db, policy, TimeProvider.System), TimeProvider.System);
        ImportCasesHandler import = new(db, seed, new CaseTypeResolver(db, catalog), clocks, TimeProvider.System,
            NullLogger<ImportCasesHandler>.Instance);
        Result<ImportSummary> result =
            await import.HandleAsync(new ImportCases(mapping, sample, report), cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The sample did not import: {result.Error}");
        }
    }
}
