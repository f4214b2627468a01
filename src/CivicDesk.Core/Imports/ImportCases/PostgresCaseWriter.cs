using System.Data.Common;
using CivicDesk.Core.Cases;
using Npgsql;
using NpgsqlTypes;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// PostgreSQL's bulk path: each batch is copied in binary into a temporary staging table, then moved into
/// <c>cases</c> by one <c>INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING</c>, whose returned rows are the
/// inserted ones; the timeline events of those cases are then copied in binary straight into their table.
/// Staged keys still absent after the move lost to a taken reference.
/// </summary>
// Limitation: on a 2-core machine this path runs at about half the rate of a plain COPY into cases
// (docs/benchmarks.md), because each case also writes two timeline events. One event per imported case would
// lift it; the issue asks for both.
internal sealed class PostgresCaseWriter(
    NpgsqlConnection connection,
    ImportTarget target,
    ImportTally tally,
    RejectionReport report) : ICaseWriter
{
    // A batch's statements take seconds, more on a busy server; the default 30 s limit is for requests.
    private static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(10);

    private readonly List<ImportedCase> _batch = [];
    private readonly HashSet<Guid> _inserted = [];
    private readonly HashSet<string> _stagedKeys = new(StringComparer.Ordinal);
    private NpgsqlTransaction? _transaction;

    public void Begin(DbTransaction transaction) => _transaction = (NpgsqlTransaction)transaction;

    /// <summary>
    /// Buffers the row. A key already in the buffer first sends the buffer on, so that the earlier row of the
    /// file is the one inserted and the later one counts as already present, as on SQLite.
    /// </summary>
    public async ValueTask AddAsync(ImportedCase row, CancellationToken cancellationToken)
    {
        if (!_stagedKeys.Add(row.SourceKey))
        {
            await FlushAsync(cancellationToken);
            _stagedKeys.Add(row.SourceKey);
        }

        _batch.Add(row);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        await ExecuteAsync(ImportSql.CreateStaging, cancellationToken);
        await CopyCasesAsync(cancellationToken);
        long inserted = await MoveStagedAsync(cancellationToken);
        if (inserted > 0)
        {
            await CopyEventsAsync(cancellationToken);
        }

        long conflicts = inserted < _batch.Count ? await ReportConflictsAsync(cancellationToken) : 0;
        tally.CountAlreadyPresent(_batch.Count - inserted - conflicts);
        _batch.Clear();
        _stagedKeys.Clear();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task CopyCasesAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlBinaryImporter copy =
            await connection.BeginBinaryImportAsync(ImportSql.CopyCases, cancellationToken);
        copy.Timeout = StatementTimeout;
        foreach (ImportedCase row in _batch)
        {
            await copy.StartRowAsync(cancellationToken);
            await PostgresCaseBinder.WriteCaseAsync(copy, row, target, cancellationToken);
            await copy.WriteAsync(row.LineNumber, NpgsqlDbType.Bigint, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private async Task CopyEventsAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlBinaryImporter copy =
            await connection.BeginBinaryImportAsync(ImportSql.CopyEvents, cancellationToken);
        copy.Timeout = StatementTimeout;
        foreach (ImportedCase row in _batch.Where(r => _inserted.Contains(r.Id)))
        {
            await copy.StartRowAsync(cancellationToken);
            await PostgresCaseBinder.WriteCreatedEventAsync(copy, row, target, cancellationToken);
            if (row.StatusEventId is not null)
            {
                await copy.StartRowAsync(cancellationToken);
                await PostgresCaseBinder.WriteStatusEventAsync(copy, row, target, cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private async Task<long> MoveStagedAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = new(ImportSql.MoveStaged, connection, _transaction)
        {
            CommandTimeout = (int)StatementTimeout.TotalSeconds,
        };
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        _inserted.Clear();
        while (await reader.ReadAsync(cancellationToken))
        {
            _inserted.Add(reader.GetGuid(0));
            tally.CountInserted((DataQualityFlags)reader.GetInt32(1));
        }

        return _inserted.Count;
    }

    private async Task<long> ReportConflictsAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = new(ImportSql.StagedConflicts, connection, _transaction)
        {
            CommandTimeout = (int)StatementTimeout.TotalSeconds,
        };
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        long conflicts = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            Rejection conflict = new(reader.GetInt64(0), reader.GetString(1), Rejection.ReferenceInUse);
            await report.AddAsync(conflict, cancellationToken);
            tally.CountRejected();
            conflicts++;
        }

        return conflicts;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = new(sql, connection, _transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
