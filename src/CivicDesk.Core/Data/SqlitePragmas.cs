using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace CivicDesk.Core.Data;

/// <summary>
/// Puts every SQLite connection in write-ahead-log mode with full sync, so a committed request survives
/// a crash or power loss, and lets writers wait for each other instead of failing at once. The settings
/// belong to the native connection, which the pool hands out again and again, so they are sent once per
/// native connection rather than on every open.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>The one instance: a new instance per context would make EF Core rebuild its model each time.</summary>
    public static SqlitePragmas Instance { get; } = new();

    public const string Sql =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    // Native connections already configured; an entry goes when its connection is collected.
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];

    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    /// <summary>Configures a connection, once per native connection; also for one opened outside EF Core.</summary>
    public static void Apply(DbConnection connection)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        using DbCommand command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        await using DbCommand command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, Marker);
        }
    }
}
