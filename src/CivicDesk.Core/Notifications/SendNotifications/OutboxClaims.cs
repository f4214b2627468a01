using System.Data;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace CivicDesk.Core.Notifications.SendNotifications;

/// <summary>
/// Takes due outbox rows for one sender: in one short transaction, counts an attempt on each and moves its next
/// attempt past the claim's lease, so no other sender takes it while this one sends. Nothing is held open while
/// mail is sent.
/// </summary>
/// <remarks>
/// PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so senders in several processes each take other rows, and a row
/// claimed and committed by one is no longer due for the others. SQLite: the transaction begins IMMEDIATE, after
/// this process's other writers at the file's write gate (one sender per SQLite file).
/// </remarks>
internal static class OutboxClaims
{
    public static async Task<List<OutboxNotification>> ClaimAsync(
        CivicDeskDbContext db,
        Instant now,
        Duration lease,
        int batchSize,
        CancellationToken cancellationToken)
    {
        SqliteWriteGate? gate = db.IsPostgres ? null : SqliteWriteGate.For(db.Database.GetConnectionString()!);
        if (gate is null)
        {
            return await ClaimUngatedAsync(db, now, lease, batchSize, cancellationToken);
        }

        await gate.EnterBoundedAsync(cancellationToken);
        try
        {
            return await ClaimUngatedAsync(db, now, lease, batchSize, cancellationToken);
        }
        finally
        {
            gate.Exit();
        }
    }

    private static async Task<List<OutboxNotification>> ClaimUngatedAsync(
        CivicDeskDbContext db,
        Instant now,
        Duration lease,
        int batchSize,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(
            db.IsPostgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable,
            cancellationToken);
        List<OutboxNotification> claimed = db.IsPostgres
            ? await db.Notifications.FromSql($"""
                SELECT * FROM notifications
                WHERE state = 'pending' AND next_attempt_at <= {now.ToDateTimeUtc()}
                ORDER BY next_attempt_at
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await db.Notifications.FromSql($"""
                SELECT * FROM notifications
                WHERE state = 'pending' AND next_attempt_at <= {now.ToUnixTimeTicks()}
                ORDER BY next_attempt_at
                LIMIT {batchSize}
                """).ToListAsync(cancellationToken);
        foreach (OutboxNotification row in claimed)
        {
            row.Claim(now, lease);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }
}
