using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicDesk.Core.Data;

/// <summary>
/// Lets one <c>SaveChanges</c> at a time write to a given SQLite file from this process. SQLite admits one
/// writer; without this gate concurrent writers collide inside SQLite, whose busy handler then sleeps and
/// retries (1 ms, 2 ms, 5 ms … 100 ms), which wastes the time the single writer could use. Here they wait
/// in line and each starts the moment the previous one commits. Other processes still meet SQLite's own
/// lock and busy timeout.
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor
{
    // One gate per file, and one interceptor instance per gate: EF Core keys its internal service provider
    // (and so its compiled model) on the interceptor instances, so a new instance per context would rebuild
    // the model for every request.
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    // Lives as long as the process, like the file it guards, so it is never disposed.
    private readonly SemaphoreSlim _gate;

    private SqliteWriteGate(SemaphoreSlim gate)
    {
        _gate = gate;
    }

    public static SqliteWriteGate For(string connectionString)
    {
        string file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        return Gates.GetOrAdd(file, _ => new SqliteWriteGate(new SemaphoreSlim(1, 1)));
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _gate.Wait();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        _gate.Release();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        _gate.Release();
        return result;
    }

    public override Task SaveChangesFailedAsync(
        DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        _gate.Release();
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _gate.Release();

    public override Task SaveChangesCanceledAsync(
        DbContextEventData eventData,
        CancellationToken cancellationToken = default)
    {
        _gate.Release();
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => _gate.Release();
}
