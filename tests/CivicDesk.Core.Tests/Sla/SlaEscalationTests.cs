using System.Data.Common;
using System.Text.Json;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Notifications;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using static CivicDesk.Core.Tests.Timers.TimerWorld;

namespace CivicDesk.Core.Tests.Sla;

/// <summary>
/// The escalations of the NYC 311 case type run when its SLA timers fire (issue 4, items 2 and 7): a resolution
/// breach moves the case to its department's supervisor-review queue and notifies supervisors, a due-soon warning
/// notifies the assignee; each firing escalates once, also when replayed after a crash.
/// </summary>
public sealed class SlaEscalationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Breach_OfResolution_MovesTheCaseToSupervisorReviewClearsTheAssigneeAndQueuesANotification(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        (Guid caseId, Guid agent) = await PinnedCaseAsync(world);
        Guid review = await ReviewQueueAsync(world);
        await AddSlaTimerAsync(world, TimerKinds.SlaBreach, caseId, warning: null);

        Assert.Equal(1, await RunRoundAsync(world));

        await using CivicDeskDbContext db = world.Database.CreateContext();
        Case escalated = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        Assert.Equal((review, (Guid?)null), (escalated.QueueId, escalated.AssigneeId));
        CaseEvent recorded = await db.CaseEvents.SingleAsync(e => e.Kind == CaseEventKind.Escalated, Ct);
        Assert.Equal(("resolution-breached", EventVisibility.Internal, ActorKind.System),
            (recorded.Text, recorded.Visibility, recorded.ActorKind));
        using JsonDocument data = JsonDocument.Parse(recorded.Data!);
        Assert.True(data.RootElement.GetProperty("reassigned").GetBoolean());
        Assert.True(data.RootElement.GetProperty("assignee_cleared").GetBoolean());
        OutboxNotification queued = await db.Notifications.SingleAsync(Ct);
        Assert.Equal(
            (caseId, NotificationRecipients.Role, "Supervisor", "sla.breached", "en", (Instant?)null, 0),
            (queued.CaseId, queued.RecipientKind, queued.Role, queued.TemplateKey, queued.Language, queued.SentAt,
                queued.Attempts));
        Assert.Equal("escalation:resolution-breached", queued.Source);
        Assert.Equal(1, await CountAuditAsync(world, "case.escalated"));
        Assert.NotEqual(Guid.Empty, agent);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Warning_DueSoonOfResolution_NotifiesTheAssigneeAndLeavesTheQueue(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        (Guid caseId, Guid agent) = await PinnedCaseAsync(world);
        await ReviewQueueAsync(world);
        Guid queueBefore = await QueueOfAsync(world, caseId);
        await AddSlaTimerAsync(world, TimerKinds.SlaWarning, caseId, warning: "due-soon");

        Assert.Equal(1, await RunRoundAsync(world));

        await using CivicDeskDbContext db = world.Database.CreateContext();
        Case warned = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        Assert.Equal((queueBefore, (Guid?)agent), (warned.QueueId, warned.AssigneeId));
        OutboxNotification queued = await db.Notifications.SingleAsync(Ct);
        Assert.Equal((NotificationRecipients.Assignee, (Guid?)agent, (string?)null, "sla.due_soon"),
            (queued.RecipientKind, queued.RecipientUserId, queued.Role, queued.TemplateKey));
        Assert.Equal("resolution-due-soon",
            (await db.CaseEvents.SingleAsync(e => e.Kind == CaseEventKind.Escalated, Ct)).Text);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Breach_WhenTheDepartmentHasNoSuchQueue_RecordsTheReassignmentAsNotAppliedAndStillNotifies(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await RemoveReviewQueueAsync(world);
        (Guid caseId, Guid agent) = await PinnedCaseAsync(world);
        Guid queueBefore = await QueueOfAsync(world, caseId);
        await AddSlaTimerAsync(world, TimerKinds.SlaBreach, caseId, warning: null);

        Assert.Equal(1, await RunRoundAsync(world));

        await using CivicDeskDbContext db = world.Database.CreateContext();
        Case kept = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        Assert.Equal((queueBefore, (Guid?)agent), (kept.QueueId, kept.AssigneeId));
        CaseEvent recorded = await db.CaseEvents.SingleAsync(e => e.Kind == CaseEventKind.Escalated, Ct);
        using JsonDocument data = JsonDocument.Parse(recorded.Data!);
        Assert.False(data.RootElement.GetProperty("reassigned").GetBoolean());
        Assert.Equal("supervisor-review", data.RootElement.GetProperty("reassign_to").GetString());
        Assert.Equal(1, await db.Notifications.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Breach_ReplayedAfterACrashBetweenFiringAndRecording_EscalatesOnce(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        (Guid caseId, _) = await PinnedCaseAsync(world);
        Guid review = await ReviewQueueAsync(world);
        Guid queueBefore = await QueueOfAsync(world, caseId);
        Guid timerId = await AddSlaTimerAsync(world, TimerKinds.SlaBreach, caseId, warning: null);
        DbContextOptionsBuilder<CivicDeskDbContext> crashing = new();
        DataServiceCollectionExtensions.Configure(crashing, world.Database.Options);
        crashing.AddInterceptors(new CrashOnCommit());

        await using (CivicDeskDbContext db = new(crashing.Options))
        {
            Assert.Equal(1, await Dispatcher(db, world).RunDueAsync(Ct));
        }

        Assert.Equal((0, 0, queueBefore), await EffectsAsync(world, caseId));
        Assert.Equal(TimerStates.Pending, (await LoadAsync(world, timerId)).State);

        world.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunRoundAsync(world));
        Assert.Equal(0, await RunRoundAsync(world));

        Assert.Equal((1, 1, review), await EffectsAsync(world, caseId));
        Assert.Equal(1, await CountAuditAsync(world, "case.escalated"));
        Assert.Equal(TimerStates.Fired, (await LoadAsync(world, timerId)).State);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Breach_OfACaseWithoutCaseType_OnlyMarksTheBreach(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await world.PublishNycCaseTypeAsync();
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world));
        await AddSlaTimerAsync(world, TimerKinds.SlaBreach, caseId, warning: null);

        Assert.Equal(1, await RunRoundAsync(world));

        Assert.Equal(1, await CountEventsAsync(world, CaseEventKind.SlaBreached));
        Assert.Equal(0, await CountEventsAsync(world, CaseEventKind.Escalated));
    }

    /// <summary>A heat complaint pinned to the NYC 311 type (published here), assigned to an HPD agent.</summary>
    private static async Task<(Guid CaseId, Guid Agent)> PinnedCaseAsync(StaffWorld world)
    {
        PinnedCaseType nyc311 = await world.PublishNycCaseTypeAsync();
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Now(world), caseType: nyc311);
        Guid agent = await world.AddUserAsync("agent", StaffRole.Agent, "HPD");
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Case found = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        db.CaseEvents.Add(found.Assign(agent, Actor.System, Guid.CreateVersion7(), Now(world)));
        await db.SaveChangesAsync(Ct);
        return (caseId, agent);
    }

    /// <summary>The supervisor-review queue that seeding the catalogue gives HPD.</summary>
    private static async Task<Guid> ReviewQueueAsync(StaffWorld world)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Guid hpd = await db.Departments.Where(d => d.Code == "HPD").Select(d => d.Id).SingleAsync(Ct);
        return await db.Queues.Where(q => q.Code == "supervisor-review" && q.DepartmentId == hpd)
            .Select(q => q.Id)
            .SingleAsync(Ct);
    }

    private static async Task RemoveReviewQueueAsync(StaffWorld world)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Guid review = await ReviewQueueAsync(world);
        await db.Queues.Where(q => q.Id == review).ExecuteDeleteAsync(Ct);
    }

    /// <summary>A due SLA timer of clock <c>resolution</c>, with the payload the scheduler writes.</summary>
    private static async Task<Guid> AddSlaTimerAsync(StaffWorld world, string kind, Guid caseId, string? warning)
    {
        string payload = warning is null
            ? JsonSerializer.Serialize(new { clock = "resolution" })
            : JsonSerializer.Serialize(new { clock = "resolution", warning });
        await using CivicDeskDbContext db = world.Database.CreateContext();
        DurableTimer timer = new(
            Guid.CreateVersion7(), kind, caseId, "resolution", Now(world), payload, Now(world));
        db.Timers.Add(timer);
        await db.SaveChangesAsync(Ct);
        return timer.Id;
    }

    private static async Task<Guid> QueueOfAsync(StaffWorld world, Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.QueueId).SingleAsync(Ct);
    }

    private static async Task<(int Escalated, int Notifications, Guid Queue)> EffectsAsync(
        StaffWorld world,
        Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return (
            await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.Escalated, Ct),
            await db.Notifications.CountAsync(Ct),
            await QueueOfAsync(world, caseId));
    }

    /// <summary>Fails the first commit after the escalation and the fired mark were written, as a crash would.
    /// </summary>
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
