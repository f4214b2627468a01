using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicDesk.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Contexts kept for reuse; a request that finds the pool empty gets a new one.</summary>
    private const int ContextPoolSize = 256;

    /// <summary>Statements Npgsql prepares on the server once they have been seen a few times.</summary>
    private const int PostgresAutoPreparedStatements = 64;

    private static readonly ConcurrentDictionary<string, bool> EnsuredFiles = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers the database context for the configured provider and its migration set. Contexts are
    /// pooled: building one from scratch (resolving its internal services) cost a measurable share of a
    /// request's processor time in the intake benchmark.
    /// </summary>
    public static IServiceCollection AddCivicDeskData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddDbContextPool<CivicDeskDbContext>(
            (provider, builder) => Configure(builder, options, provider.GetService<ILoggerFactory>()),
            ContextPoolSize);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        Configure(builder, options, loggers: null);

    /// <summary>As the overload without loggers, and logs long waits for the SQLite write gate.</summary>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, ILoggerFactory? loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DatabaseProviders.Postgres)
        {
            builder.UseNpgsql(
                Tuned(options.ConnectionString),
                npgsql => npgsql.MigrationsAssembly(DatabaseProviders.PostgresMigrationsAssembly));
        }
        else
        {
            EnsureSqliteFile(options.ConnectionString);
            builder.UseSqlite(
                options.ConnectionString,
                sqlite => sqlite.MigrationsAssembly(DatabaseProviders.SqliteMigrationsAssembly));
            SqliteWriteGate gate = SqliteWriteGate.For(options.ConnectionString);
            gate.Tune(options, loggers);
            builder.AddInterceptors(SqlitePragmas.Instance, gate);
        }
    }

    /// <summary>
    /// Npgsql settings for how CivicDesk uses its connections, each unless the connection string chooses otherwise.
    /// Automatic preparation: the server parses and plans the few statements of a request once per connection
    /// rather than every time. No reset on close: with prepared statements kept, Npgsql would otherwise send seven
    /// reset statements (RESET ALL, CLOSE ALL, UNLISTEN *, DISCARD SEQUENCES and others) with the next command each
    /// time a pooled connection is reused, one set per request. CivicDesk leaves no session state behind: it sets no
    /// session parameters, listens to nothing, takes no session advisory locks, and its only temporary table is
    /// dropped at commit; an open transaction is rolled back on close either way. JIT off: PostgreSQL compiles a
    /// query whose estimated cost passes <c>jit_above_cost</c>, which the set-based searches over a million cases
    /// do, and spent 1.5 s compiling each SLA recompute batch's search that then ran in 0.3 s; CivicDesk runs no
    /// long analytical query that would earn the compilation back. Set <c>Options=-c jit=on</c> to choose otherwise.
    /// </summary>
    private const string JitOff = "-c jit=off";

    internal static string Tuned(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder = new(connectionString);
        if (builder.MaxAutoPrepare == 0 && !Chooses(connectionString, "Auto Prepare", "AutoPrepare"))
        {
            builder.MaxAutoPrepare = PostgresAutoPreparedStatements;
        }

        if (!Chooses(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? JitOff : $"{builder.Options} {JitOff}";
        }

        return builder.ConnectionString;
    }

    private static bool Chooses(string connectionString, params string[] keywords) =>
        keywords.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Creates the SQLite file's folder (0700) and the file itself (0600) before SQLite would create them with
    /// the umask's looser modes; SQLite gives the -wal and -shm files the database file's mode. A new file is
    /// put in WAL mode at once, so that EF Core's read-only existence check finds a database whose journal
    /// mode the connection pragmas need not change. Runs once per file and process: options are built for
    /// every scope.
    /// </summary>
    private static void EnsureSqliteFile(string connectionString)
    {
        SqliteConnectionStringBuilder builder = new(connectionString);
        string dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || dataSource is "" or ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || !EnsuredFiles.TryAdd(dataSource, true))
        {
            return;
        }

        string path = Path.GetFullPath(dataSource);
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            DataFolder.CreatePrivateFolder(folder);
        }

        if (File.Exists(path))
        {
            return;
        }

        DataFolder.CreatePrivateFile(path);
        SqliteConnectionStringBuilder create = new(connectionString)
        {
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        using SqliteConnection connection = new(create.ConnectionString);
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
