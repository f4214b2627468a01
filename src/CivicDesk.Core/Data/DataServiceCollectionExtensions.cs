using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the database context for the configured provider and its migration set.</summary>
    public static IServiceCollection AddCivicDeskData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddDbContext<CivicDeskDbContext>(builder => Configure(builder, options));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProviders.Postgres)
        {
            builder.UseNpgsql(
                options.ConnectionString,
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
