using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Data;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CivicDesk.Core.Tests.Sla.SlaWorld;

namespace CivicDesk.Core.Tests.Sla;

/// <summary>
/// The set-based writer of the SLA recompute stores rows as SaveChanges would (null columns, converted instants
/// and enums included) and never overwrites a timer that fired since it was read.
/// </summary>
public sealed class SlaBatchWriterTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RemovingATimerThatFiredMeanwhile_FailsTheWholeBatchAndWritesNothing(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        Guid caseId = await world.AddCaseAsync("graffiti", world.Time.GetCurrentInstant(), caseType: nyc311);
        await ScheduleAsync(world, caseId);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        DurableTimer stale = await db.Timers.AsNoTracking()
            .FirstAsync(t => t.CaseId == caseId && t.Kind == TimerKinds.SlaWarning, Ct);
        await db.Timers.Where(t => t.Id == stale.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TimerStates.Fired), Ct);
        Instant now = world.Time.GetCurrentInstant();
        SlaChanges changes = new();
        changes.RemovedTimers.Add(stale);
        changes.Notes.Add(new CaseEvent(
            Guid.CreateVersion7(), caseId, CaseEventKind.SlaDeadlineMoved, now, Actor.System, EventVisibility.Internal)
        {
            Text = "deadline moved",
        });

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => new SlaBatchWriter(db).WriteAsync(changes, Ct));

        Assert.Equal(
            TimerStates.Fired,
            await db.Timers.AsNoTracking().Where(t => t.Id == stale.Id).Select(t => t.State).SingleAsync(Ct));
        Assert.False(await db.CaseEvents.AnyAsync(
            e => e.CaseId == caseId && e.Kind == CaseEventKind.SlaDeadlineMoved, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddedRemovedAndNullColumns_AreStoredAsWritten(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        Guid caseId = await world.AddCaseAsync("graffiti", world.Time.GetCurrentInstant(), caseType: nyc311);
        await ScheduleAsync(world, caseId);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        CaseSlaClock removed = await db.CaseSlaClocks.AsNoTracking().FirstAsync(c => c.CaseId == caseId, Ct);
        DurableTimer pending = await db.Timers.AsNoTracking()
            .FirstAsync(t => t.CaseId == caseId && t.State == TimerStates.Pending, Ct);
        Instant now = world.Time.GetCurrentInstant();
        Instant due = now.Plus(Duration.FromMinutes(90));
        SlaChanges changes = new();
        changes.RemovedClocks.Add(removed);
        changes.RemovedTimers.Add(pending);
        changes.AddedClocks.Add(new CaseSlaClock(caseId, "extra"));
        DurableTimer timer = new(Guid.CreateVersion7(), TimerKinds.SlaBreach, caseId, "extra", due, null, now);
        changes.AddedTimers.Add(timer);
        changes.Notes.Add(new CaseEvent(
            Guid.CreateVersion7(), caseId, CaseEventKind.SlaDeadlineMoved, now, Actor.System, EventVisibility.Internal)
        {
            Text = "moved é ✓",
        });

        await new SlaBatchWriter(db).WriteAsync(changes, Ct);

        List<string> clocks = await db.CaseSlaClocks.AsNoTracking()
            .Where(c => c.CaseId == caseId).Select(c => c.ClockId).ToListAsync(Ct);
        Assert.DoesNotContain(removed.ClockId, clocks);
        Assert.False(await db.Timers.AnyAsync(t => t.Id == pending.Id, Ct), "a timer no longer wanted is deleted");
        CaseSlaClock added = await db.CaseSlaClocks.AsNoTracking()
            .SingleAsync(c => c.CaseId == caseId && c.ClockId == "extra", Ct);
        Assert.Equal((SlaClockStates.Running, (Instant?)null, (Instant?)null, (Instant?)null, string.Empty, 0),
            (added.State, added.Deadline, added.WarningAt, added.StoppedCountingAt, added.CalendarKey,
                added.CalendarVersion));
        DurableTimer stored = await db.Timers.AsNoTracking().SingleAsync(t => t.Id == timer.Id, Ct);
        Assert.Equal((due, TimerStates.Pending, (string?)null, (Instant?)null, timer.DedupeKey),
            (stored.DueAt, stored.State, stored.Payload, stored.CancelledAt, stored.DedupeKey));
        CaseEvent note = await db.CaseEvents.AsNoTracking()
            .SingleAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.SlaDeadlineMoved, Ct);
        Assert.Equal(
            ("moved é ✓", EventVisibility.Internal, now, (string?)null),
            (note.Text, note.Visibility, note.At, note.Data));
    }
}
