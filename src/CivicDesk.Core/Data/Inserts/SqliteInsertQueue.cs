using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace CivicDesk.Core.Data.Inserts;

/// <summary>
/// Group commit for one SQLite file. Units of work queue here; one loop takes the file's write gate, then every
/// unit waiting at that moment (up to <see cref="MaxGroup"/>), and writes them in one transaction, each unit
/// inside its own savepoint so that a refused unit is undone alone. One commit, and so one sync of the
/// write-ahead log, serves the whole group; each caller is answered after that commit.
/// </summary>
internal sealed class SqliteInsertQueue
{
    /// <summary>Bounds a group's transaction, and so the wait of other writers for the gate.</summary>
    public const int MaxGroup = 64;

    private const string Savepoint = "unit";

    private static readonly ConcurrentDictionary<string, Lazy<SqliteInsertQueue>> Queues = new(StringComparer.Ordinal);

    private readonly Channel<PendingUnit> _pending = Channel.CreateUnbounded<PendingUnit>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly string _connectionString;
    private readonly SqliteWriteGate _gate;

    private SqliteInsertQueue(string connectionString)
    {
        _connectionString = connectionString;
        _gate = SqliteWriteGate.For(connectionString);

        // Lives as long as the process, like the file's gate; between groups it holds no connection.
        _ = Task.Run(LoopAsync);
    }

    public static SqliteInsertQueue For(string connectionString)
    {
        string file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        return Queues.GetOrAdd(file, _ => new Lazy<SqliteInsertQueue>(() => new SqliteInsertQueue(connectionString)))
            .Value;
    }

    /// <summary>Completes when the unit is committed; fails with the database's refusal, and nothing stored.</summary>
    public Task WriteAsync(List<InsertRow> rows, CancellationToken cancellationToken)
    {
        PendingUnit unit = new(rows);
        if (!_pending.Writer.TryWrite(unit))
        {
            throw new InvalidOperationException("The SQLite insert queue is closed.");
        }

        // A caller that stops waiting is not told the outcome; the unit may still be committed, as a request whose
        // client hangs up after the commit is.
        return unit.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task LoopAsync()
    {
        List<PendingUnit> group = new(MaxGroup);
        while (await _pending.Reader.WaitToReadAsync())
        {
            await _gate.EnterAsync(CancellationToken.None);
            try
            {
                // Taken after the gate, so that units arriving while an EF Core writer held it join this group.
                while (group.Count < MaxGroup && _pending.Reader.TryRead(out PendingUnit? unit))
                {
                    group.Add(unit);
                }

                WriteGroup(group);
            }
            catch (Exception failed)
            {
                // Whatever went wrong, the loop must go on: it is the only writer of this path for the file, and
                // every caller of the group is told, none acknowledged.
                foreach (PendingUnit unit in group)
                {
                    unit.Fail(failed);
                }
            }
            finally
            {
                _gate.Exit();
            }

            foreach (PendingUnit unit in group)
            {
                unit.Complete();
            }

            group.Clear();
        }
    }

    private void WriteGroup(List<PendingUnit> group)
    {
        using SqliteConnection connection = new(_connectionString);
        connection.Open();
        SqlitePragmas.Apply(connection);
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
        try
        {
            foreach (PendingUnit unit in group)
            {
                WriteUnit(unit, transaction, commands);
            }

            transaction.Commit();
        }
        finally
        {
            foreach (SqliteCommand command in commands.Values)
            {
                command.Dispose();
            }
        }
    }

    private static void WriteUnit(
        PendingUnit unit,
        SqliteTransaction transaction,
        Dictionary<string, SqliteCommand> commands)
    {
        transaction.Save(Savepoint);
        try
        {
            foreach (InsertRow row in unit.Rows)
            {
                if (!commands.TryGetValue(row.Shape.Sql, out SqliteCommand? command))
                {
                    command = transaction.Connection!.CreateCommand();
                    command.CommandText = row.Shape.Sql;
                    command.Transaction = transaction;
                    commands.Add(row.Shape.Sql, command);
                }

                command.Parameters.Clear();
                command.Parameters.AddRange(row.Parameters);
                command.ExecuteNonQuery();
            }
        }
        catch (Exception refused) when (refused is SqliteException or InvalidCastException or ArgumentException
            or FormatException or OverflowException or InvalidOperationException)
        {
            transaction.Rollback(Savepoint);
            unit.Fail(refused);
        }

        transaction.Release(Savepoint);
    }

    private sealed class PendingUnit(List<InsertRow> rows)
    {
        private Exception? _failure;

        public List<InsertRow> Rows { get; } = rows;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception failure) => _failure ??= failure;

        public void Complete()
        {
            if (_failure is null)
            {
                Done.TrySetResult();
            }
            else
            {
                Done.TrySetException(_failure);
            }
        }
    }
}
