using System.Data.Common;
using System.Globalization;
using CivicDesk.Core.Cases;
using Microsoft.Data.Sqlite;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// SQLite's bulk path: one prepared insert reused for every row inside large transactions. A row that inserts
/// nothing is looked up by its source key: found means already present, absent means its reference is taken.
/// </summary>
internal sealed class SqliteCaseWriter : ICaseWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertCase;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _keyExists;
    private readonly ImportTarget _target;
    private readonly ImportTally _tally;
    private readonly RejectionReport _report;
    private long _previousCacheSize;

    private SqliteCaseWriter(
        SqliteConnection connection,
        ImportTarget target,
        ImportTally tally,
        RejectionReport report)
    {
        (_connection, _target, _tally, _report) = (connection, target, tally, report);
        _insertCase = Prepare(connection, ImportSql.InsertCase, ImportSql.CaseColumns);
        _insertEvent = Prepare(connection, ImportSql.InsertEvent, ImportSql.EventColumns);
        _keyExists = Prepare(connection, ImportSql.SourceKeyExists, ["source_system", "source_key"]);
        _keyExists.Parameters["$source_system"].Value = target.SourceSystem;
        SqliteCaseBinder.BindConstants(_insertCase, _insertEvent, target);
    }

    /// <summary>
    /// A writer on <paramref name="connection"/>. For the run, the connection's page cache grows to
    /// <see cref="ImportSql.BulkCacheKibibytes"/> so that the indexes' pages stay in memory as they grow; the
    /// previous size is put back when the writer is disposed.
    /// </summary>
    public static async Task<SqliteCaseWriter> CreateAsync(
        SqliteConnection connection,
        ImportTarget target,
        ImportTally tally,
        RejectionReport report,
        CancellationToken cancellationToken)
    {
        SqliteCaseWriter writer = new(connection, target, tally, report);
        await using SqliteCommand pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA cache_size";
        writer._previousCacheSize = (long)(await pragma.ExecuteScalarAsync(cancellationToken) ?? 0L);
        pragma.CommandText = $"PRAGMA cache_size = -{ImportSql.BulkCacheKibibytes}";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return writer;
    }

    public void Begin(DbTransaction transaction)
    {
        SqliteTransaction sqlite = (SqliteTransaction)transaction;
        _insertCase.Transaction = sqlite;
        _insertEvent.Transaction = sqlite;
        _keyExists.Transaction = sqlite;
    }

    public async ValueTask AddAsync(ImportedCase row, CancellationToken cancellationToken)
    {
        SqliteCaseBinder.BindCase(_insertCase, row);
        if (await _insertCase.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            SqliteCaseBinder.BindCreatedEvent(_insertEvent, row);
            await _insertEvent.ExecuteNonQueryAsync(cancellationToken);
            if (row.StatusEventId is not null)
            {
                SqliteCaseBinder.BindStatusEvent(_insertEvent, row);
                await _insertEvent.ExecuteNonQueryAsync(cancellationToken);
            }

            _tally.CountInserted(row.Quality);
            return;
        }

        _keyExists.Parameters["$source_key"].Value = row.SourceKey;
        if (await _keyExists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            _tally.CountAlreadyPresent(1);
            return;
        }

        Rejection conflict = new(row.LineNumber, row.SourceKey, Rejection.ReferenceInUse);
        await _report.AddAsync(conflict, cancellationToken);
        _tally.CountRejected();
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await using SqliteCommand pragma = _connection.CreateCommand();
        pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {_previousCacheSize}");
        await pragma.ExecuteNonQueryAsync();
        await _insertCase.DisposeAsync();
        await _insertEvent.DisposeAsync();
        await _keyExists.DisposeAsync();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, string[] columns)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (string column in columns)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + column });
        }

        return command;
    }
}
