using System.Data;
using System.Data.Common;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CivicDesk.Core.Timers;

/// <summary>
/// Fires due timers, each exactly once. For each timer one transaction claims the row, lets the kind's
/// handler add its effect, marks the timer fired and commits: the effect and the mark are written together or
/// not at all, so a crash before the commit leaves the timer pending and its effect absent, and the next round
/// fires it once.
/// </summary>
/// <remarks>
/// PostgreSQL: the claim is <c>SELECT … FOR UPDATE SKIP LOCKED</c>, so pollers in several processes each take
/// other timers; the row lock is the lease, and the server drops it with the connection of a process that dies.
/// SQLite: the transaction begins IMMEDIATE, taking the file's write lock before the claim, so two processes on
/// one file take turns (correct, but they gain nothing: run one poller per SQLite file).
/// </remarks>
public sealed class TimerDispatcher
{
    private const int MaxRetryDoublings = 10;

    private readonly CivicDeskDbContext _db;
    private readonly Dictionary<string, ITimerHandler> _handlers;
    private readonly TimerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TimerDispatcher> _logger;

    public TimerDispatcher(
        CivicDeskDbContext db,
        IEnumerable<ITimerHandler> handlers,
        IOptions<TimerOptions> options,
        TimeProvider time,
        ILogger<TimerDispatcher> logger)
    {
        _db = db;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Takes up to <see cref="TimerOptions.BatchSize"/> due timers; returns how many were taken.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        int taken = 0;
        while (taken < _options.BatchSize && await FireNextAsync(cancellationToken))
        {
            taken++;
        }

        if (taken > 0)
        {
            Log.RoundFinished(_logger, taken);
        }

        return taken;
    }

    /// <summary>Claims and fires the earliest due timer; false when none is due (or all are claimed).</summary>
    /// <remarks>
    /// On SQLite the firing waits for this process's other writers at the file's write gate first. Its transaction
    /// takes SQLite's write lock itself, so without the gate a submission queued behind it would wait inside
    /// SQLite's busy handler, which sleeps up to 100 ms between tries, and every writer queued behind that one too.
    /// </remarks>
    public async Task<bool> FireNextAsync(CancellationToken cancellationToken)
    {
        SqliteWriteGate? gate = _db.IsPostgres ? null : SqliteWriteGate.For(_db.Database.GetConnectionString()!);
        if (gate is null)
        {
            return await FireNextUngatedAsync(cancellationToken);
        }

        await gate.EnterBoundedAsync(cancellationToken);
        try
        {
            return await FireNextUngatedAsync(cancellationToken);
        }
        finally
        {
            gate.Exit();
        }
    }

    private async Task<bool> FireNextUngatedAsync(CancellationToken cancellationToken)
    {
        _db.ChangeTracker.Clear();
        Instant now = _time.GetCurrentInstant();
        await using IDbContextTransaction transaction = await BeginAsync(cancellationToken);
        DurableTimer? timer = await ClaimAsync(now, cancellationToken);
        if (timer is null)
        {
            return false;
        }

        // Read before firing: marking the timer fired counts the attempt on the entity, and a failed commit
        // must count it once, not twice.
        int attemptsBefore = timer.Attempts;
        if (!_handlers.TryGetValue(timer.Kind, out ITimerHandler? handler))
        {
            await transaction.RollbackAsync(cancellationToken);
            await RecordFailureAsync(timer, attemptsBefore, error: null, now, cancellationToken);
            return true;
        }

        try
        {
            await FireClaimedAsync(handler, timer, now, transaction, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await RollBackQuietlyAsync(transaction);
            _db.ChangeTracker.Clear();
            await RecordFailureAsync(timer, attemptsBefore, failure.GetType().Name, now, cancellationToken);
            return true;
        }

        Log.TimerFired(_logger, timer.Id, timer.Kind);
        return true;
    }

    /// <summary>The effect, the fired (or obsolete) mark and the commit: all of them, or none.</summary>
    private async Task FireClaimedAsync(
        ITimerHandler handler,
        DurableTimer timer,
        Instant now,
        IDbContextTransaction transaction,
        CancellationToken cancellationToken)
    {
        TimerOutcome outcome = await handler.FireAsync(new TimerFiring(_db, timer, now, _time), cancellationToken);
        if (outcome == TimerOutcome.Fired)
        {
            timer.MarkFired(now);
        }
        else
        {
            timer.MarkObsolete(now);
        }

        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // On SQLite, Serializable begins the transaction IMMEDIATE (Microsoft.Data.Sqlite defers only for
    // ReadUncommitted), so the write lock is held from the claim on and the in-process write gate is not used.
    private Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken) =>
        _db.Database.BeginTransactionAsync(
            _db.IsPostgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable,
            cancellationToken);

    // Ordered by due time alone, so that both databases walk the partial index on due_at and stop at the first row;
    // a tie-breaker on id made SQLite sort every due timer on each claim, which grew with a backlog of due timers.
    private async Task<DurableTimer?> ClaimAsync(Instant now, CancellationToken cancellationToken)
    {
        List<DurableTimer> claimed = _db.IsPostgres
            ? await _db.Timers.FromSql($"""
                SELECT * FROM timers
                WHERE state = 'pending' AND due_at <= {now.ToDateTimeUtc()}
                  AND (retry_at IS NULL OR retry_at <= {now.ToDateTimeUtc()})
                ORDER BY due_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await _db.Timers.FromSql($"""
                SELECT * FROM timers
                WHERE state = 'pending' AND due_at <= {now.ToUnixTimeTicks()}
                  AND (retry_at IS NULL OR retry_at <= {now.ToUnixTimeTicks()})
                ORDER BY due_at
                LIMIT 1
                """).ToListAsync(cancellationToken);
        return claimed.Count > 0 ? claimed[0] : null;
    }

    /// <summary>
    /// Counts a failed attempt in a transaction of its own, after the firing one rolled back. The state
    /// condition makes it a no-op when another poller fired the timer meanwhile (or when a commit whose
    /// answer was lost did succeed).
    /// </summary>
    private async Task RecordFailureAsync(
        DurableTimer timer,
        int attemptsBefore,
        string? error,
        Instant now,
        CancellationToken cancellationToken)
    {
        int attempt = attemptsBefore + 1;
        bool giveUp = attempt >= _options.MaxAttempts;
        Instant retryAt = now + Duration.FromTimeSpan(
            _options.RetryDelay * Math.Pow(2, Math.Min(attempt - 1, MaxRetryDoublings)));
        string lastError = error ?? "unknown kind";
        await _db.Timers
            .Where(t => t.Id == timer.Id && t.State == TimerStates.Pending)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(t => t.Attempts, attempt)
                    .SetProperty(t => t.LastError, lastError)
                    .SetProperty(t => t.RetryAt, retryAt)
                    .SetProperty(t => t.State, giveUp ? TimerStates.Failed : TimerStates.Pending),
                cancellationToken);
        if (error is null)
        {
            Log.TimerKindUnknown(_logger, timer.Id, timer.Kind, attempt);
        }
        else
        {
            Log.TimerAttemptFailed(_logger, timer.Id, timer.Kind, error, attempt);
        }

        if (giveUp)
        {
            Log.TimerGaveUp(_logger, timer.Id, timer.Kind, attempt);
        }
    }

    private static async Task RollBackQuietlyAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception rollbackFailure) when (rollbackFailure is InvalidOperationException or DbException)
        {
            // A broken connection has already rolled the transaction back on the server.
        }
    }
}
