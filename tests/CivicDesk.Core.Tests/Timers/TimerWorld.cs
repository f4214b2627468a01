using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Core.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CivicDesk.Core.Tests.Timers;

/// <summary>Helpers shared by the timer tests: timers stored directly, dispatchers built by hand, counts.</summary>
internal static class TimerWorld
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Escalations as the host shares them (one per process), with its case type cache.</summary>
    public static SlaEscalations Escalations { get; } = new(
        new CaseTypeCache(), NullLogger<SlaEscalations>.Instance, NullLogger<PinnedCaseTypes>.Instance);

    public static Instant Now(StaffWorld world) => world.Time.GetCurrentInstant();

    public static async Task<Guid> AddTimerAsync(StaffWorld world, string kind, Guid? caseId, Instant due)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        DurableTimer timer = new(Guid.CreateVersion7(), kind, caseId, "resolution", due, null, Now(world));
        db.Timers.Add(timer);
        await db.SaveChangesAsync(Ct);
        return timer.Id;
    }

    public static TimerDispatcher Dispatcher(
        CivicDeskDbContext db,
        StaffWorld world,
        TimerOptions? options = null,
        params ITimerHandler[] extra) => new(
            db,
            [
                new SlaWarningHandler(Escalations, Scheduler(db, world)),
                new SlaBreachHandler(Escalations),
                .. extra,
            ],
            Options.Create(options ?? new TimerOptions()),
            world.Time,
            NullLogger<TimerDispatcher>.Instance);

    /// <summary>The scheduler the warning handler asks for the next timer, over the dispatcher's context.</summary>
    public static SlaTimerScheduler Scheduler(CivicDeskDbContext db, StaffWorld world) =>
        new(db, SlaServices.Policy(db, new CatalogCache(world.Time)), world.Time);

    public static async Task<int> RunRoundAsync(
        StaffWorld world,
        TimerOptions? options = null,
        params ITimerHandler[] extra)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await Dispatcher(db, world, options, extra).RunDueAsync(Ct);
    }

    public static async Task<DurableTimer> LoadAsync(StaffWorld world, Guid timerId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.Timers.AsNoTracking().SingleAsync(t => t.Id == timerId, Ct);
    }

    public static async Task<int> CountEventsAsync(StaffWorld world, CaseEventKind kind)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.CaseEvents.CountAsync(e => e.Kind == kind, Ct);
    }

    public static async Task<int> CountAuditAsync(StaffWorld world, string action)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.AuditEntries.CountAsync(a => a.Action == action, Ct);
    }

    /// <summary>A handler whose effect is an audit entry; it throws after adding it on its first call.</summary>
    public sealed class FailsOnceHandler : ITimerHandler
    {
        public const string Action = "test.fired";

        public int Calls { get; private set; }

        public string Kind => "test-fails-once";

        public Task<TimerOutcome> FireAsync(TimerFiring firing, CancellationToken cancellationToken)
        {
            Calls++;
            firing.Db.AuditEntries.Add(new AuditEntry(
                firing.Time.NewId(), firing.Now, Actor.System, Action, "timer", firing.Timer.Id));
            if (Calls == 1)
            {
                throw new InvalidOperationException("Simulated failure after the effect was added.");
            }

            return Task.FromResult(TimerOutcome.Fired);
        }
    }
}
