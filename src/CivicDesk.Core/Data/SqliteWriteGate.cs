using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
/// A context inside its own transaction passes without the gate: it may already hold SQLite's write lock, and
/// waiting here for a writer that in turn waits for that lock would deadlock until the busy timeout.
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor
{
    // One gate per file, and one interceptor instance per gate: EF Core keys its internal service provider
    // (and so its compiled model) on the interceptor instances, so a new instance per context would rebuild
    // the model for every request.
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    // Lives as long as the process, like the file it guards, so it is never disposed.
    private readonly SemaphoreSlim _gate;

    // The contexts whose save holds the gate now, so that only they release it.
    private readonly ConditionalWeakTable<DbContext, object> _holders = [];

    private SqliteWriteGate(SemaphoreSlim gate)
    {
        _gate = gate;
    }

    public static SqliteWriteGate For(string connectionString)
    {
        string file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        return Gates.GetOrAdd(file, _ => new SqliteWriteGate(new SemaphoreSlim(1, 1)));
    }

    /// <summary>Waits for the file's writers before ours, for a writer that does not go through SaveChanges.</summary>
    public Task EnterAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    /// <summary>Lets the next writer in; only after <see cref="EnterAsync"/>.</summary>
    public void Exit() => _gate.Release();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            await _gate.WaitAsync(cancellationToken);
            _holders.AddOrUpdate(context, context);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            _gate.Wait();
            _holders.AddOrUpdate(context, context);
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(
        DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(
        DbContextEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    // A save that loses on a concurrency token ends here, not in SaveChangesFailed: EF Core reports it to this
    // hook and then throws. Without a release here one edit conflict would keep the gate shut for every later
    // writer of the process.
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(
        ConcurrencyExceptionEventData eventData,
        InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.Remove(context))
        {
            _gate.Release();
        }
    }
}
