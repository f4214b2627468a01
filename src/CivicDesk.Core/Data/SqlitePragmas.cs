using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicDesk.Core.Data;

/// <summary>
/// Puts every SQLite connection in write-ahead-log mode with full sync, so a committed request survives
/// a crash or power loss, and lets writers wait for each other instead of failing at once.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>The one instance: a new instance per context would make EF Core rebuild its model each time.</summary>
    public static SqlitePragmas Instance { get; } = new();

    public const string Sql =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
