using System.Data.Common;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using static CivicDesk.Core.Tests.Timers.TimerWorld;

namespace CivicDesk.Core.Tests.Timers;

public sealed class TimerDispatcherTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDueAsync_DueTimer_FiresOnceAndASecondRoundDoesNotFireItAgain(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));
        Guid due = await AddTimerAsync(world, TimerKinds.SlaBreach, caseId, Now(world) - Duration.FromMinutes(1));
        Guid later = await AddTimerAsync(world, TimerKinds.SlaBreach, caseId, Now(world) + Duration.FromHours(1));

        int first = await RunRoundAsync(world);
        int second = await RunRoundAsync(world);

        Assert.Equal((1, 0), (first, second));
        DurableTimer fired = await LoadAsync(world, due);
        Assert.Equal((TimerStates.Fired, Now(world), 1), (fired.State, fired.FiredAt, fired.Attempts));
        Assert.Equal(TimerStates.Pending, (await LoadAsync(world, later)).State);
        Assert.Equal(1, await CountEventsAsync(world, CaseEventKind.SlaBreached));
        Assert.Equal(1, await CountAuditAsync(world, "case.sla_breached"));
        await using CivicDeskDbContext db = world.Database.CreateContext();
        CaseEvent breached = await db.CaseEvents.SingleAsync(e => e.Kind == CaseEventKind.SlaBreached, Ct);
        Assert.Equal((caseId, EventVisibility.Internal, ActorKind.System, "resolution"),
            (breached.CaseId, breached.Visibility, breached.ActorKind, breached.Text));
    }

    [Fact]
    public async Task FireNextAsync_OnSqlite_WaitsForTheProcessWriterHoldingTheWriteGate()
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(DatabaseProviders.Sqlite);
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));
        Guid due = await AddTimerAsync(world, TimerKinds.SlaBreach, caseId, Now(world) - Duration.FromMinutes(1));
        SqliteWriteGate gate = SqliteWriteGate.For(world.Database.ConnectionString);
        await using CivicDeskDbContext db = world.Database.CreateContext();

        // A writer of this process (a group of submissions, say) holds the gate: the firing must queue behind it
        // instead of taking SQLite's write lock and leaving that writer to SQLite's sleeping busy handler.
        await gate.EnterAsync(Ct);
        Task<bool> firing = Task.Run(() => Dispatcher(db, world).FireNextAsync(Ct), Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
        bool firedWhileHeld = firing.IsCompleted;
        gate.Exit();

        Assert.False(firedWhileHeld);
        Assert.True(await firing);
        Assert.Equal(TimerStates.Fired, (await LoadAsync(world, due)).State);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDueAsync_HandlerThrowsAfterAddingItsEffect_LeavesNoEffectAndALaterRoundFiresItOnce(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        TimerWorld.FailsOnceHandler handler = new();
        Guid timerId = await AddTimerAsync(world, handler.Kind, null, Now(world));

        int failed = await RunRoundAsync(world, null, handler);

        DurableTimer afterFailure = await LoadAsync(world, timerId);
        Assert.Equal(1, failed);
        Assert.Equal(0, await CountAuditAsync(world, TimerWorld.FailsOnceHandler.Action));
        Assert.Equal(
            (TimerStates.Pending, 1, "InvalidOperationException", (Instant?)null, Now(world) + Duration.FromMinutes(1)),
            (afterFailure.State, afterFailure.Attempts, afterFailure.LastError, afterFailure.FiredAt,
                afterFailure.RetryAt!.Value));
        Assert.Equal(0, await RunRoundAsync(world, null, handler));

        world.Time.Advance(TimeSpan.FromMinutes(1));
        int retried = await RunRoundAsync(world, null, handler);
        int again = await RunRoundAsync(world, null, handler);

        Assert.Equal((1, 0), (retried, again));
        Assert.Equal(1, await CountAuditAsync(world, TimerWorld.FailsOnceHandler.Action));
        DurableTimer fired = await LoadAsync(world, timerId);
        Assert.Equal((TimerStates.Fired, 2, Now(world)), (fired.State, fired.Attempts, fired.FiredAt!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDueAsync_CrashBeforeCommitAfterTheEffectWasSaved_LeavesItUnfiredAndALaterRoundFiresItOnce(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));
        Guid timerId = await AddTimerAsync(world, TimerKinds.SlaWarning, caseId, Now(world));
        DbContextOptionsBuilder<CivicDeskDbContext> crashing = new();
        DataServiceCollectionExtensions.Configure(crashing, world.Database.Options);
        crashing.AddInterceptors(new CrashOnCommit());

        await using (CivicDeskDbContext db = new(crashing.Options))
        {
            Assert.Equal(1, await Dispatcher(db, world).RunDueAsync(Ct));
        }

        Assert.Equal(0, await CountEventsAsync(world, CaseEventKind.SlaWarning));
        Assert.Equal(0, await CountAuditAsync(world, "case.sla_warning"));
        DurableTimer unfired = await LoadAsync(world, timerId);
        Assert.Equal(
            (TimerStates.Pending, (Instant?)null, 1, "IOException"),
            (unfired.State, unfired.FiredAt, unfired.Attempts, unfired.LastError));

        world.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunRoundAsync(world));
        Assert.Equal(0, await RunRoundAsync(world));

        Assert.Equal(1, await CountEventsAsync(world, CaseEventKind.SlaWarning));
        Assert.Equal(1, await CountAuditAsync(world, "case.sla_warning"));
        Assert.Equal(TimerStates.Fired, (await LoadAsync(world, timerId)).State);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDueAsync_KindWithoutHandler_IsTriedMaxAttemptsTimesThenMarkedFailed(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid timerId = await AddTimerAsync(world, "no-such-kind", null, Now(world));
        TimerOptions options = new() { MaxAttempts = 3, RetryDelay = TimeSpan.FromMinutes(1) };

        List<int> rounds = [];
        foreach (int wait in new[] { 0, 1, 2, 60 })
        {
            world.Time.Advance(TimeSpan.FromMinutes(wait));
            rounds.Add(await RunRoundAsync(world, options));
        }

        Assert.Equal([1, 1, 1, 0], rounds);
        DurableTimer failed = await LoadAsync(world, timerId);
        Assert.Equal((TimerStates.Failed, 3, "unknown kind", (Instant?)null),
            (failed.State, failed.Attempts, failed.LastError, failed.FiredAt));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDueAsync_SlaTimerOfAClosedCase_IsMarkedObsoleteWithoutEffect(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));
        Guid timerId = await AddTimerAsync(world, TimerKinds.SlaBreach, caseId, Now(world));
        await using (CivicDeskDbContext db = world.Database.CreateContext())
        {
            Case found = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
            db.CaseEvents.Add(
                found.ChangeStatus(CaseStatus.Closed, null, Actor.System, Guid.CreateVersion7(), Now(world)));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(1, await RunRoundAsync(world));

        Assert.Equal(TimerStates.Obsolete, (await LoadAsync(world, timerId)).State);
        Assert.Equal(0, await CountEventsAsync(world, CaseEventKind.SlaBreached));
    }

    /// <summary>Fails the first commit after the effect and the fired mark were written, as a crash would.</summary>
    private sealed class CrashOnCommit : DbTransactionInterceptor
    {
        private int _commits;

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction,
            TransactionEventData eventData,
            InterceptionResult result,
            CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _commits) == 1
                ? throw new IOException("Simulated crash before commit.")
                : ValueTask.FromResult(result);
    }
}
