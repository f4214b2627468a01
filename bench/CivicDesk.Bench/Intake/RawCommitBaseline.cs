using System.Data.Common;
using CivicDesk.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivicDesk.Bench.Intake;

/// <summary>
/// The raw baseline of intake: copies of one real case row (written by the intake use case) inserted into the
/// same <c>cases</c> table, one row per transaction, each committed before the next, by as many concurrent
/// writers as the load has clients. Each writer keeps one open connection; nothing else happens.
/// </summary>
internal sealed class RawCommitBaseline : IAsyncDisposable
{
    private readonly string _provider;
    private readonly string[] _columns;
    private readonly object[] _template;
    private readonly DbConnection[] _connections;

    private RawCommitBaseline(string provider, string[] columns, object[] template, DbConnection[] connections)
    {
        _provider = provider;
        _columns = columns;
        _template = template;
        _connections = connections;
    }

    public static async Task<RawCommitBaseline> OpenAsync(
        string provider,
        string connectionString,
        int writers,
        CancellationToken cancellationToken)
    {
        DbConnection[] connections = new DbConnection[writers];
        for (int i = 0; i < writers; i++)
        {
            connections[i] = provider == DatabaseProviders.Postgres
                ? new NpgsqlConnection(connectionString)
                : new SqliteConnection(connectionString);
            await connections[i].OpenAsync(cancellationToken);
            if (provider == DatabaseProviders.Sqlite)
            {
                await ExecuteAsync(connections[i], SqliteSettings, cancellationToken);
            }
        }

        await using DbCommand read = connections[0].CreateCommand();
        read.CommandText = "SELECT * FROM cases LIMIT 1";
        await using DbDataReader reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The baseline needs one case to copy.");
        }

        string[] columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
        object[] template = new object[reader.FieldCount];
        reader.GetValues(template);
        return new RawCommitBaseline(provider, columns, template, connections);
    }

    /// <summary>CivicDesk's own SQLite settings (WAL, full sync), so both sides pay the same commit.</summary>
    private const string SqliteSettings =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public async Task<bool> InsertAsync(int worker, int sequence, CancellationToken cancellationToken)
    {
        DbConnection connection = _connections[worker];
        await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using DbCommand insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO cases ({string.Join(", ", _columns)}) "
            + $"VALUES ({string.Join(", ", _columns.Select((_, i) => "@p" + i))})";
        for (int i = 0; i < _columns.Length; i++)
        {
            DbParameter parameter = insert.CreateParameter();
            parameter.ParameterName = "@p" + i;
            parameter.Value = _columns[i] switch
            {
                "id" => _provider == DatabaseProviders.Postgres
                    ? Guid.CreateVersion7()
                    : Guid.CreateVersion7().ToString("D").ToUpperInvariant(),
                "reference" => $"B{sequence:D8}",
                _ => _template[i],
            };
            insert.Parameters.Add(parameter);
        }

        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (DbConnection connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
