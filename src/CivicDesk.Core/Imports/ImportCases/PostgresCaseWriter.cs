using System.Data.Common;
using CivicDesk.Core.Cases;
using Npgsql;
using NpgsqlTypes;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// PostgreSQL's bulk path. For each batch two indexed look-ups find the source keys already imported and the
/// references already taken; the remaining rows are copied in binary straight into <c>cases</c>, then their
/// timeline events into <c>case_events</c>. Should another writer take a key or reference between the look-up
/// and the copy, the copy is rolled back to a savepoint and the batch goes the safe way instead: copied into a
/// staging table and moved by one <c>INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING</c>.
/// </summary>
internal sealed class PostgresCaseWriter(
    NpgsqlConnection connection,
    ImportTarget target,
    ImportTally tally,
    RejectionReport report) : ICaseWriter
{
    private const string UniqueViolation = "23505";

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

        List<ImportedCase> fresh = await SortOutKnownAsync(cancellationToken);
        _inserted.Clear();
        if (fresh.Count > 0)
        {
            if (!await TryCopyDirectAsync(fresh, cancellationToken))
            {
                await StageAndMoveAsync(fresh, cancellationToken);
            }

            await CopyEventsAsync(fresh, cancellationToken);
        }

        _batch.Clear();
        _stagedKeys.Clear();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Counts the rows already imported, reports those whose reference is taken, returns the rest.</summary>
    private async Task<List<ImportedCase>> SortOutKnownAsync(CancellationToken cancellationToken)
    {
        HashSet<string> present = await ReadStringsAsync(
            ImportSql.ExistingKeys,
            ("source_system", target.SourceSystem),
            ("keys", _batch.Select(r => r.SourceKey).ToArray()),
            cancellationToken);
        tally.CountAlreadyPresent(_batch.Count(r => present.Contains(r.SourceKey)));
        List<ImportedCase> candidates = [.. _batch.Where(r => !present.Contains(r.SourceKey))];
        HashSet<string> taken = candidates.Count == 0
            ? []
            : await ReadStringsAsync(
                ImportSql.TakenReferences,
                ("jurisdiction_id", target.JurisdictionId),
                ("references", candidates.Select(r => r.SourceKey).ToArray()),
                cancellationToken);
        foreach (ImportedCase row in candidates.Where(r => taken.Contains(r.SourceKey)))
        {
            Rejection rejection = new(row.LineNumber, row.SourceKey, Rejection.ReferenceInUse);
            await report.AddAsync(rejection, cancellationToken);
            tally.CountRejected();
        }

        return [.. candidates.Where(r => !taken.Contains(r.SourceKey))];
    }

    private async Task<bool> TryCopyDirectAsync(List<ImportedCase> fresh, CancellationToken cancellationToken)
    {
        await _transaction!.SaveAsync("import_batch", cancellationToken);
        try
        {
            await using (NpgsqlBinaryImporter copy =
                await connection.BeginBinaryImportAsync(ImportSql.CopyCasesDirect, cancellationToken))
            {
                copy.Timeout = StatementTimeout;
                foreach (ImportedCase row in fresh)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await PostgresCaseBinder.WriteCaseAsync(copy, row, target, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            await _transaction.RollbackAsync("import_batch", cancellationToken);
            return false;
        }

        await _transaction.ReleaseAsync("import_batch", cancellationToken);
        foreach (ImportedCase row in fresh)
        {
            _inserted.Add(row.Id);
            tally.CountInserted(row.Quality);
        }

        return true;
    }

    private async Task StageAndMoveAsync(List<ImportedCase> fresh, CancellationToken cancellationToken)
    {
        await ExecuteAsync(ImportSql.CreateStaging, cancellationToken);
        await using (NpgsqlBinaryImporter copy =
            await connection.BeginBinaryImportAsync(ImportSql.CopyCases, cancellationToken))
        {
            copy.Timeout = StatementTimeout;
            foreach (ImportedCase row in fresh)
            {
                await copy.StartRowAsync(cancellationToken);
                await PostgresCaseBinder.WriteCaseAsync(copy, row, target, cancellationToken);
                await copy.WriteAsync(row.LineNumber, NpgsqlDbType.Bigint, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        long inserted = await MoveStagedAsync(cancellationToken);
        long conflicts = inserted < fresh.Count ? await ReportConflictsAsync(cancellationToken) : 0;
        tally.CountAlreadyPresent(fresh.Count - inserted - conflicts);
    }

    private async Task CopyEventsAsync(List<ImportedCase> fresh, CancellationToken cancellationToken)
    {
        if (_inserted.Count == 0)
        {
            return;
        }

        await using NpgsqlBinaryImporter copy =
            await connection.BeginBinaryImportAsync(ImportSql.CopyEvents, cancellationToken);
        copy.Timeout = StatementTimeout;
        foreach (ImportedCase row in fresh.Where(r => _inserted.Contains(r.Id)))
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

    private async Task<HashSet<string>> ReadStringsAsync(
        string sql,
        (string Name, object Value) first,
        (string Name, object Value) second,
        CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = new(sql, connection, _transaction)
        {
            CommandTimeout = (int)StatementTimeout.TotalSeconds,
        };
        command.Parameters.AddWithValue(first.Name, first.Value);
        command.Parameters.AddWithValue(second.Name, second.Value);
        HashSet<string> found = new(StringComparer.Ordinal);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = new(sql, connection, _transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
