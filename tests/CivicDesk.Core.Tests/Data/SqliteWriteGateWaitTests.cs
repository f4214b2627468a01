using System.Collections.Concurrent;
using System.Reflection;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Tests.Data;

/// <summary>
/// A writer that waits too long at the SQLite write gate gives up with a clear error and writes nothing, a long
/// wait is logged, and no failed save keeps the gate.
/// </summary>
public sealed class SqliteWriteGateWaitTests
{
    private static readonly Actor System = new(ActorKind.System, null, "test", null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveChanges_GateHeldPastTheTimeout_FailsAsBusyWritesNothingAndLeavesTheGateFree()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using CivicDeskDbContext setup = await database.CreateMigratedContextAsync();
        await using CivicDeskDbContext waiting = database.CreateContext();
        await using CivicDeskDbContext after = database.CreateContext();
        using EventRecorder events = new();
        SqliteWriteGate gate = Tuned(database, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), events);

        await gate.EnterAsync(Ct);
        waiting.AuditEntries.Add(Entry("never stored"));
        DatabaseBusyException busy;
        try
        {
            busy = await Assert.ThrowsAsync<DatabaseBusyException>(
                () => Task.Run(() => waiting.SaveChangesAsync(Ct), Ct));
        }
        finally
        {
            gate.Exit();
        }

        after.AuditEntries.Add(Entry("stored"));
        Task<int> saving = Task.Run(() => after.SaveChangesAsync(Ct), Ct);
        Assert.Same(saving, await Task.WhenAny(saving, Task.Delay(TimeSpan.FromSeconds(10), Ct)));
        Assert.Equal(TimeSpan.FromSeconds(1), busy.RetryAfter);
        Assert.Equal(["stored"], await setup.AuditEntries.Select(e => e.Action).ToListAsync(Ct));
        Assert.Equal([11001, 11003], events.Ids);
    }

    [Fact]
    public async Task EnterBounded_GateFreedDuringALongWait_EntersAndLogsTheWait()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        using EventRecorder events = new();
        SqliteWriteGate gate = Tuned(database, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50), events);

        await gate.EnterAsync(Ct);
        Task entering = Task.Run(() => gate.EnterBoundedAsync(Ct), Ct);
        await events.WaitForAsync(11001);
        gate.Exit();
        await entering;
        gate.Exit();

        Assert.Equal([11001, 11002], events.Ids);
    }

    [Fact]
    public async Task SaveChanges_AfterAnotherSaveFailedWhileDetectingChanges_DoesNotWaitForever()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using CivicDeskDbContext broken = await database.CreateMigratedContextAsync();
        AuditEntry entry = Entry("tracked");
        broken.AuditEntries.Add(entry);
        await broken.SaveChangesAsync(Ct);

        // A key changed behind the tracker's back: EF Core's change detection throws on the next save.
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Id), BindingFlags.Public | BindingFlags.Instance)!
            .SetValue(entry, Guid.NewGuid());
        await Assert.ThrowsAsync<InvalidOperationException>(() => broken.SaveChangesAsync(Ct));

        await using CivicDeskDbContext next = database.CreateContext();
        next.AuditEntries.Add(Entry("after the failure"));
        Task<int> saving = Task.Run(() => next.SaveChangesAsync(Ct), Ct);
        Task finished = await Task.WhenAny(saving, Task.Delay(TimeSpan.FromSeconds(10), Ct));

        Assert.Same(saving, finished);
        Assert.Equal(1, await saving);
    }

    private static SqliteWriteGate Tuned(
        TestDatabase database,
        TimeSpan timeout,
        TimeSpan logAfter,
        EventRecorder events)
    {
        SqliteWriteGate gate = SqliteWriteGate.For(database.ConnectionString);
        DatabaseOptions options = database.Options;
        options.WriteWaitTimeout = timeout;
        options.WriteWaitLogAfter = logAfter;
        gate.Tune(options, events);
        return gate;
    }

    private static AuditEntry Entry(string action) =>
        new(Guid.NewGuid(), SystemClock.Instance.GetCurrentInstant(), System, action, "test", null);

    /// <summary>Keeps the event ids the gate logs, in order.</summary>
    private sealed class EventRecorder : ILoggerFactory, ILogger
    {
        private readonly ConcurrentQueue<int> _ids = new();

        public List<int> Ids => [.. _ids];

        public async Task WaitForAsync(int id)
        {
            while (!_ids.Contains(id))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), Ct);
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter) => _ids.Enqueue(eventId.Id);

        public void Dispose()
        {
        }
    }
}
