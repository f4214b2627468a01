using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicDesk.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Contexts kept for reuse; a request that finds the pool empty gets a new one.</summary>
    private const int ContextPoolSize = 256;

    /// <summary>Statements Npgsql prepares on the server once they have been seen a few times.</summary>
    private const int PostgresAutoPreparedStatements = 64;

    /// <summary>
    /// Registers the database context for the configured provider and its migration set. Contexts are
    /// pooled: building one from scratch (resolving its internal services) cost a measurable share of a
    /// request's processor time in the intake benchmark.
    /// </summary>
    public static IServiceCollection AddCivicDeskData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddDbContextPool<CivicDeskDbContext>(builder => Configure(builder, options), ContextPoolSize);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProviders.Postgres)
        {
            builder.UseNpgsql(
                WithAutoPrepare(options.ConnectionString),
                npgsql => npgsql.MigrationsAssembly(DatabaseProviders.PostgresMigrationsAssembly));
        }
        else
        {
            EnsureSqliteFolder(options.ConnectionString);
            builder.UseSqlite(
                options.ConnectionString,
                sqlite => sqlite.MigrationsAssembly(DatabaseProviders.SqliteMigrationsAssembly));
            builder.AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.For(options.ConnectionString));
        }
    }

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string chooses otherwise, so the
    /// server parses and plans the few statements of a request once per connection rather than every time.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder = new(connectionString);
        bool chosen = connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase);
        if (builder.MaxAutoPrepare == 0 && !chosen)
        {
            builder.MaxAutoPrepare = PostgresAutoPreparedStatements;
        }

        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        string dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
