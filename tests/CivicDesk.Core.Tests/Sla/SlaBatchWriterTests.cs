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

/// <summary>The set-based writer of the SLA recompute never overwrites a timer that fired since it was read.</summary>
public sealed class SlaBatchWriterTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CancellingATimerThatFiredMeanwhile_FailsTheWholeBatchAndWritesNothing(string provider)
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
        stale.Cancel(now);
        SlaChanges changes = new();
        changes.CancelledTimers.Add(stale);
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
}
