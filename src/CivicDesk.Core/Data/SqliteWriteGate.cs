using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicDesk.Core.Data;

/// <summary>
/// Lets one <c>SaveChanges</c> at a time write to a given SQLite file from this process. SQLite admits one
/// writer; without this gate concurrent writers collide inside SQLite, whose busy handler then sleeps and
/// retries (1 ms, 2 ms, 5 ms … 100 ms), which wastes the time the single writer could use. Here they wait
/// in line and each starts the moment the previous one commits. Other processes still meet SQLite's own
/// lock and busy timeout.
/// A context inside its own transaction passes without the gate: it may already hold SQLite's write lock, and
/// waiting here for a writer that in turn waits for that lock would deadlock until the busy timeout.
/// A wait is logged once it passes <see cref="DatabaseOptions.WriteWaitLogAfter"/>; a SaveChanges or a bounded
/// entry gives up after <see cref="DatabaseOptions.WriteWaitTimeout"/> with <see cref="DatabaseBusyException"/>,
/// before anything is written.
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

    private Settings _settings = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), NullLogger.Instance);

    private int _waiting;

    private SqliteWriteGate(SemaphoreSlim gate)
    {
        _gate = gate;
    }

    public static SqliteWriteGate For(string connectionString)
    {
        string file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        return Gates.GetOrAdd(file, _ => new SqliteWriteGate(new SemaphoreSlim(1, 1)));
    }

    /// <summary>
    /// The file's limits, and the logger of its long waits (the earlier one when <paramref name="loggers"/> is null).
    /// </summary>
    public void Tune(DatabaseOptions options, ILoggerFactory? loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ILogger logger = loggers?.CreateLogger(typeof(SqliteWriteGate).FullName!) ?? _settings.Logger;
        _settings = new Settings(options.WriteWaitTimeout, options.WriteWaitLogAfter, logger);
    }

    // Limitation: the group commit of new requests (SqliteInsertQueue) and the SLA batch writer enter here, so
    // they wait without a limit; a timeout needs the queue to drop units whose caller gave up before it writes them.
    /// <summary>
    /// Waits for the file's writers before ours, for a writer that does not go through SaveChanges and must not
    /// give up (the group commit loop); a long wait is logged.
    /// </summary>
    public async Task EnterAsync(CancellationToken cancellationToken) =>
        await WaitAsync(bounded: false, cancellationToken);

    /// <summary>
    /// As <see cref="EnterAsync"/>, but gives up with <see cref="DatabaseBusyException"/> after the file's timeout,
    /// not holding the gate.
    /// </summary>
    public async Task EnterBoundedAsync(CancellationToken cancellationToken)
    {
        if (!await WaitAsync(bounded: true, cancellationToken))
        {
            throw new DatabaseBusyException(_settings.Timeout);
        }
    }

    /// <summary>Lets the next writer in; only after <see cref="EnterAsync"/>.</summary>
    public void Exit() => _gate.Release();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            DetectChangesFirst(context);
            if (!await WaitAsync(bounded: true, cancellationToken))
            {
                throw new DatabaseBusyException(_settings.Timeout);
            }

            _holders.AddOrUpdate(context, context);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            DetectChangesFirst(context);
            if (!Wait())
            {
                throw new DatabaseBusyException(_settings.Timeout);
            }

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

    // EF Core detects changes after this hook and outside the part of SaveChanges whose failure it reports: a
    // detection that throws (a key changed behind the tracker's back) would leave the gate held for good. Done
    // here first, it throws before the gate is taken; EF Core's own detection then finds nothing new.
    private static void DetectChangesFirst(DbContext context)
    {
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }
    }

    private async Task<bool> WaitAsync(bool bounded, CancellationToken cancellationToken)
    {
        if (_gate.Wait(0, CancellationToken.None))
        {
            return true;
        }

        Settings settings = _settings;
        long started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _waiting);
        try
        {
            TimeSpan first = bounded && settings.Timeout < settings.LogAfter ? settings.Timeout : settings.LogAfter;
            if (await _gate.WaitAsync(first, cancellationToken))
            {
                return true;
            }

            DataLog.WriterWaiting(settings.Logger, Milliseconds(started), Volatile.Read(ref _waiting));
            bool entered = bounded
                ? settings.Timeout > first && await _gate.WaitAsync(settings.Timeout - first, cancellationToken)
                : await _gate.WaitAsync(Timeout.Infinite, cancellationToken);
            return Report(settings, entered, started);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private bool Wait()
    {
        if (_gate.Wait(0, CancellationToken.None))
        {
            return true;
        }

        Settings settings = _settings;
        long started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _waiting);
        try
        {
            TimeSpan first = settings.Timeout < settings.LogAfter ? settings.Timeout : settings.LogAfter;
            if (_gate.Wait(first, CancellationToken.None))
            {
                return true;
            }

            DataLog.WriterWaiting(settings.Logger, Milliseconds(started), Volatile.Read(ref _waiting));
            bool entered = settings.Timeout > first && _gate.Wait(settings.Timeout - first, CancellationToken.None);
            return Report(settings, entered, started);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private static bool Report(Settings settings, bool entered, long started)
    {
        if (entered)
        {
            DataLog.WriterEnteredLate(settings.Logger, Milliseconds(started));
        }
        else
        {
            DataLog.WriterGaveUp(settings.Logger, Milliseconds(started));
        }

        return entered;
    }

    private static long Milliseconds(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private sealed record Settings(TimeSpan Timeout, TimeSpan LogAfter, ILogger Logger);
}
