using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace CivicDesk.Core.Tests.Data;

/// <summary>
/// The in-process write gate on SQLite must not deadlock with a context that holds SQLite's write lock in its own
/// transaction (an import): that context saves without queueing behind a writer that waits for its lock.
/// </summary>
public sealed class SqliteWriteGateTests
{
    private static readonly Actor System = new(ActorKind.System, null, "test", null);

    [Fact]
    public async Task SaveChanges_InsideTransactionWhileAnotherWriterWaits_BothCommit()
    {
        CancellationToken cancel = TestContext.Current.CancellationToken;
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using CivicDeskDbContext importer = await database.CreateMigratedContextAsync();
        await using CivicDeskDbContext other = database.CreateContext();
        await using IDbContextTransaction transaction = await importer.Database.BeginTransactionAsync(cancel);
        importer.AuditEntries.Add(Entry("first"));
        await importer.SaveChangesAsync(cancel);

        // The other writer takes the gate, then waits for the SQLite lock the importer's transaction holds. SQLite's
        // asynchronous calls complete synchronously, hence the thread of its own.
        other.AuditEntries.Add(Entry("waiting"));
        Task<int> waiting = Task.Run(() => other.SaveChangesAsync(cancel), cancel);
        await Task.Delay(TimeSpan.FromMilliseconds(300), cancel);
        Assert.False(waiting.IsCompleted);

        importer.AuditEntries.Add(Entry("second"));
        await importer.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);

        Assert.Equal(1, await waiting);
        await using CivicDeskDbContext check = database.CreateContext();
        Assert.Equal(
            ["first", "second", "waiting"],
            (await check.AuditEntries.Select(e => e.Action).ToListAsync(cancel)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SaveChanges_AfterAnotherSaveLostOnItsConcurrencyToken_DoesNotWaitForever()
    {
        CancellationToken cancel = TestContext.Current.CancellationToken;
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using CivicDeskDbContext setup = await database.CreateMigratedContextAsync();
        Instant now = SystemClock.Instance.GetCurrentInstant();
        Guid timerId = Guid.NewGuid();
        setup.Timers.Add(new DurableTimer(timerId, "test", null, "test", now, null, now));
        await setup.SaveChangesAsync(cancel);

        // Two writers read the same row; the second save fails on the concurrency token, as two staff saving
        // one case at the same instant do.
        await using CivicDeskDbContext first = database.CreateContext();
        await using CivicDeskDbContext second = database.CreateContext();
        (await first.Timers.SingleAsync(t => t.Id == timerId, cancel)).MarkFired(now);
        (await second.Timers.SingleAsync(t => t.Id == timerId, cancel)).MarkObsolete(now);
        await first.SaveChangesAsync(cancel);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(cancel));

        await using CivicDeskDbContext next = database.CreateContext();
        next.AuditEntries.Add(Entry("after the conflict"));
        Task<int> saving = Task.Run(() => next.SaveChangesAsync(cancel), cancel);
        Task finished = await Task.WhenAny(saving, Task.Delay(TimeSpan.FromSeconds(10), cancel));

        Assert.Same(saving, finished);
        Assert.Equal(1, await saving);
    }

    private static AuditEntry Entry(string action) =>
        new(Guid.NewGuid(), SystemClock.Instance.GetCurrentInstant(), System, action, "test", null);
}
