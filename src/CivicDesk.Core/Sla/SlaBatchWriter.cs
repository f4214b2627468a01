using System.Data.Common;
using System.Globalization;
using System.Text;
using CivicDesk.Core.Data;
using CivicDesk.Core.Data.Inserts;
using CivicDesk.Core.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Writes the <see cref="SlaChanges"/> of a batch of cases set-based, in one transaction. On SQLite: multi-row
/// INSERTs for new clock rows, timers and timeline notes, one <c>UPDATE … FROM (VALUES …)</c> per chunk of changed
/// clock rows and of timers pending again, one <c>DELETE … IN (…)</c> per chunk of timers no longer wanted, after
/// waiting at the file's write gate like a SaveChanges. On PostgreSQL: the same statements with one array per
/// column instead of a parameter per value, sent in one round trip. Columns, value converters and types come from
/// the EF Core model, so the rows are the ones SaveChanges would write.
/// </summary>
internal sealed class SlaBatchWriter(CivicDeskDbContext db)
{
    // SQLite admits 32,766 parameters per statement, but Microsoft.Data.Sqlite binds each by name and SQLite
    // finds a name by a linear search, so binding costs the square of the count: a few rows per statement, the
    // statement prepared once and rebound, are faster.
    private const int SqliteParameters = 250;

    private static readonly string[] ClockKey = [nameof(CaseSlaClock.CaseId), nameof(CaseSlaClock.ClockId)];

    private static readonly string[] ClockValues =
    [
        nameof(CaseSlaClock.State), nameof(CaseSlaClock.Deadline), nameof(CaseSlaClock.WarningAt),
        nameof(CaseSlaClock.StoppedCountingAt), nameof(CaseSlaClock.CalendarKey),
        nameof(CaseSlaClock.CalendarVersion), nameof(CaseSlaClock.UpdatedAt),
    ];

    private static readonly string[] TimerKey = [nameof(DurableTimer.Id)];

    private static readonly string[] TimerValues = [nameof(DurableTimer.State), nameof(DurableTimer.CancelledAt)];

    public async Task WriteAsync(SlaChanges changes, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        SqliteWriteGate? gate = db.IsPostgres ? null : SqliteWriteGate.For(db.Database.GetConnectionString()!);
        if (gate is not null)
        {
            await gate.EnterAsync(cancellationToken);
        }

        try
        {
            await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.IsPostgres)
            {
                await WritePostgresAsync(changes, cancellationToken);
            }
            else
            {
                await WriteInTransactionAsync(changes, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            gate?.Exit();
        }
    }

    private async Task WriteInTransactionAsync(SlaChanges changes, CancellationToken cancellationToken)
    {
        // A timer that fired, or was taken away, since the batch read it is not overwritten: like SaveChanges on
        // the state's concurrency token, the batch then fails whole and changes nothing.
        await DeleteTimersAsync(changes.RemovedTimers, cancellationToken);
        await UpdateAsync(changes.RevivedTimers, TimerKey, TimerValues, TimerStates.Cancelled, cancellationToken);
        await UpdateAsync(changes.ChangedClocks, ClockKey, ClockValues, expectedState: null, cancellationToken);
        await DeleteAsync(changes.RemovedClocks, cancellationToken);
        await InsertAsync(changes.AddedClocks, cancellationToken);
        await InsertAsync(changes.AddedTimers, cancellationToken);
        await InsertAsync(changes.Notes, cancellationToken);
    }

    /// <summary>
    /// PostgreSQL: every statement takes each column's values as one array (<see cref="ColumnArrays"/>), and all
    /// of them go to the server in one round trip. Per-value parameters cost the client and the server more than
    /// the rows' writing itself (about 45,000 of them per batch of 1,000 cases).
    /// </summary>
    private async Task WritePostgresAsync(SlaChanges changes, CancellationToken cancellationToken)
    {
        await using NpgsqlBatch batch = new(
            (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        List<(NpgsqlBatchCommand Command, int Rows)> guarded = [];
        AddTimerDelete(batch, guarded, changes.RemovedTimers);
        AddUpdate(batch, guarded, changes.RevivedTimers, TimerKey, TimerValues, TimerStates.Cancelled);
        AddUpdate(batch, guarded, changes.ChangedClocks, ClockKey, ClockValues, expectedState: null);
        AddDelete(batch, changes.RemovedClocks);
        AddInsert(batch, changes.AddedClocks);
        AddInsert(batch, changes.AddedTimers);
        AddInsert(batch, changes.Notes);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        foreach ((NpgsqlBatchCommand command, int rows) in guarded)
        {
            if (command.RecordsAffected != rows)
            {
                throw TimersChanged(rows, command.RecordsAffected);
            }
        }
    }

    /// <summary>
    /// <c>DELETE</c> of pending timers by id, only those still pending; every one of them must be (see
    /// <see cref="AddUpdate{T}"/>).
    /// </summary>
    private void AddTimerDelete(
        NpgsqlBatch batch,
        List<(NpgsqlBatchCommand, int)> guarded,
        List<DurableTimer> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        IEntityType type = db.Model.FindEntityType(typeof(DurableTimer))!;
        ColumnArrays arrays = ColumnArrays.Columns(type, db.GetService<ISqlGenerationHelper>(), rows, TimerKey);
        NpgsqlBatchCommand command = new(
            $"DELETE FROM {arrays.Table} WHERE {arrays.Column(0)} = ANY ({arrays.Array(0)}) "
            + $"AND {Column(type, type.FindProperty(nameof(DurableTimer.State))!)} = @expected");
        command.Parameters.AddRange(arrays.Parameters.ToArray());
        command.Parameters.Add(new NpgsqlParameter("@expected", TimerStates.Pending));
        guarded.Add((command, rows.Count));
        batch.BatchCommands.Add(command);
    }

    private void AddInsert<T>(NpgsqlBatch batch, List<T> rows)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        ColumnArrays arrays = ColumnArrays.AllColumns(
            db.Model.FindEntityType(typeof(T))!, db.GetService<ISqlGenerationHelper>(), rows);
        NpgsqlBatchCommand command = new(arrays.InsertSql());
        command.Parameters.AddRange(arrays.Parameters.ToArray());
        batch.BatchCommands.Add(command);
    }

    /// <summary>
    /// <c>UPDATE t SET … FROM unnest(…) AS v WHERE</c> the key matches; the first key column also as
    /// <c>= ANY (…)</c>, which gives the planner the primary key rather than a hash of the rows and a scan of the
    /// table. With <paramref name="expectedState"/>, only rows still in that state, and every row must be.
    /// </summary>
    private void AddUpdate<T>(
        NpgsqlBatch batch,
        List<(NpgsqlBatchCommand, int)> guarded,
        List<T> rows,
        string[] key,
        string[] values,
        string? expectedState)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        IEntityType type = db.Model.FindEntityType(typeof(T))!;
        ColumnArrays arrays = ColumnArrays.Columns(
            type, db.GetService<ISqlGenerationHelper>(), rows, [.. key, .. values]);
        string table = arrays.Table;
        string set = string.Join(", ", values.Select((_, i) =>
            $"{arrays.Column(key.Length + i)} = v.{ColumnArrays.Alias(key.Length + i)}"));
        string match = string.Join(" AND ", key.Select((_, i) =>
            $"{table}.{arrays.Column(i)} = v.{ColumnArrays.Alias(i)}"));
        string guard = expectedState is null
            ? string.Empty
            : $" AND {table}.{Column(type, type.FindProperty(nameof(DurableTimer.State))!)} = @expected";
        NpgsqlBatchCommand command = new(
            $"UPDATE {table} SET {set} FROM {arrays.Unnested()} "
            + $"WHERE {match} AND {table}.{arrays.Column(0)} = ANY ({arrays.Array(0)}){guard}");
        command.Parameters.AddRange(arrays.Parameters.ToArray());
        if (expectedState is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("@expected", expectedState));
            guarded.Add((command, rows.Count));
        }

        batch.BatchCommands.Add(command);
    }

    private void AddDelete(NpgsqlBatch batch, List<CaseSlaClock> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        IEntityType type = db.Model.FindEntityType(typeof(CaseSlaClock))!;
        ColumnArrays arrays = ColumnArrays.Columns(type, db.GetService<ISqlGenerationHelper>(), rows, ClockKey);
        NpgsqlBatchCommand command = new(
            $"DELETE FROM {arrays.Table} USING {arrays.Unnested()} "
            + $"WHERE {arrays.Table}.{arrays.Column(0)} = v.{ColumnArrays.Alias(0)} "
            + $"AND {arrays.Table}.{arrays.Column(1)} = v.{ColumnArrays.Alias(1)}");
        command.Parameters.AddRange(arrays.Parameters.ToArray());
        batch.BatchCommands.Add(command);
    }

    private async Task InsertAsync<T>(List<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        InsertShape shape = InsertShape.For(
                db.Model.FindEntityType(typeof(T))!, db.GetService<ISqlGenerationHelper>(), positional: false)
            ?? throw new InvalidOperationException($"{typeof(T).Name} rows cannot be inserted set-based.");
        await using Statement statement = new(this);
        foreach (T[] chunk in rows.Chunk(RowsPerStatement(shape.ColumnCount)))
        {
            DbCommand command = statement.For(shape.MultiRowSql(chunk.Length));
            command.Parameters.Clear();
            for (int r = 0; r < chunk.Length; r++)
            {
                command.Parameters.AddRange(shape.Bind(chunk[r], command, r * shape.ColumnCount)
                    ?? throw new InvalidOperationException($"A {typeof(T).Name} row needs a generated value."));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Writes <paramref name="values"/> of each row found by <paramref name="key"/>; with
    /// <paramref name="expectedState"/>, only where the stored state is still that, and every row must be.
    /// </summary>
    private async Task UpdateAsync<T>(
        List<T> rows,
        string[] key,
        string[] values,
        string? expectedState,
        CancellationToken cancellationToken)
        where T : class
    {
        IEntityType type = db.Model.FindEntityType(typeof(T))!;
        IProperty[] columns = [.. key.Concat(values).Select(name => type.FindProperty(name)!)];
        string table = Table(type);
        string set = string.Join(", ", values.Select((_, i) =>
            $"{Column(type, columns[key.Length + i])} = v.column{key.Length + i + 1}"));
        string match = string.Join(" AND ", key.Select((_, i) =>
            $"{table}.{Column(type, columns[i])} = v.column{i + 1}"));
        IProperty state = type.FindProperty(nameof(DurableTimer.State))!;
        string guard = expectedState is null ? string.Empty : $" AND {table}.{Column(type, state)} = @expected";

        await using Statement statement = new(this);
        foreach (T[] chunk in rows.Chunk(RowsPerStatement(columns.Length)))
        {
            DbCommand command = statement.For(
                $"UPDATE {table} SET {set} FROM (VALUES {Values(chunk.Length, columns.Length)}) AS v "
                + $"WHERE {match}{guard}");
            Bind(command, chunk, columns);
            if (expectedState is not null)
            {
                command.Parameters.Add(
                    state.GetRelationalTypeMapping().CreateParameter(command, "@expected", expectedState, false));
            }

            int written = await command.ExecuteNonQueryAsync(cancellationToken);
            if (expectedState is not null && written != chunk.Length)
            {
                throw TimersChanged(chunk.Length, written);
            }
        }
    }

    /// <summary>Deletes pending timers by id, in chunks, only those still pending; every one of them must be.</summary>
    private async Task DeleteTimersAsync(List<DurableTimer> rows, CancellationToken cancellationToken)
    {
        IEntityType type = db.Model.FindEntityType(typeof(DurableTimer))!;
        IProperty id = type.FindProperty(nameof(DurableTimer.Id))!;
        IProperty state = type.FindProperty(nameof(DurableTimer.State))!;
        await using Statement statement = new(this);
        foreach (DurableTimer[] chunk in rows.Chunk(SqliteParameters - 1))
        {
            string ids = string.Join(", ", chunk.Select((_, i) => $"@p{i}"));
            DbCommand command = statement.For(
                $"DELETE FROM {Table(type)} WHERE {Column(type, id)} IN ({ids}) AND {Column(type, state)} = @expected");
            Bind(command, chunk, [id]);
            command.Parameters.Add(
                state.GetRelationalTypeMapping().CreateParameter(command, "@expected", TimerStates.Pending, false));
            int deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            if (deleted != chunk.Length)
            {
                throw TimersChanged(chunk.Length, deleted);
            }
        }
    }

    private async Task DeleteAsync(List<CaseSlaClock> rows, CancellationToken cancellationToken)
    {
        IEntityType type = db.Model.FindEntityType(typeof(CaseSlaClock))!;
        IProperty[] columns = [.. ClockKey.Select(name => type.FindProperty(name)!)];
        foreach (CaseSlaClock row in rows)
        {
            await using DbCommand command = CreateCommand();
            command.CommandText = $"DELETE FROM {Table(type)} WHERE {Column(type, columns[0])} = @p0 "
                + $"AND {Column(type, columns[1])} = @p1";
            Bind(command, row, columns, 0);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Placeholders for <paramref name="rows"/> rows: <c>(@p0, @p1, …), (…)</c>.</summary>
    private static string Values(int rows, int columns)
    {
        StringBuilder sql = new();
        for (int r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns; c++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(c == 0 ? string.Empty : ", ")}@p{(r * columns) + c}");
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    /// <summary>Replaces the command's parameters with the values of <paramref name="rows"/>.</summary>
    private static void Bind<T>(DbCommand command, T[] rows, IProperty[] columns)
        where T : class
    {
        command.Parameters.Clear();
        for (int r = 0; r < rows.Length; r++)
        {
            Bind(command, rows[r], columns, r * columns.Length);
        }
    }

    private static void Bind(DbCommand command, object row, IProperty[] columns, int first)
    {
        for (int c = 0; c < columns.Length; c++)
        {
            IProperty property = columns[c];
            object? value = property.GetGetter().GetClrValue(row);
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(
                command, string.Create(CultureInfo.InvariantCulture, $"@p{first + c}"), value, property.IsNullable));
        }
    }

    private static DbUpdateConcurrencyException TimersChanged(int rows, int written) =>
        new($"{rows - written} of {rows} timer(s) changed state since they were read.");

    private static int RowsPerStatement(int columns) =>
        Math.Max(1, SqliteParameters / columns);

    private DbCommand CreateCommand()
    {
        DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        return command;
    }

    private string Table(IEntityType type) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());

    private string Column(IEntityType type, IProperty property) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(
            property.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);

    /// <summary>One command reused while the statement's text stays the same, so SQLite prepares it once.</summary>
    private sealed class Statement(SlaBatchWriter writer) : IAsyncDisposable
    {
        private DbCommand? _command;

        public DbCommand For(string sql)
        {
            if (_command?.CommandText != sql)
            {
                _command?.Dispose();
                _command = writer.CreateCommand();
                _command.CommandText = sql;
            }

            return _command;
        }

        public ValueTask DisposeAsync() => _command?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
