using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.CaseTypes.PublishCaseType;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Notifications;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Core.Tests.Sla.SlaWorld;

namespace CivicDesk.Core.Tests.Workspace;

/// <summary>
/// A transition of the NYC 311 case type that names <c>notify:</c> puts its messages in the outbox in the status
/// change's commit (issue 4, item 2); one that names none adds nothing.
/// </summary>
public sealed class TransitionNotificationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangeStatus_ByTransitionsWithAndWithoutNotify_QueuesOnlyTheNamedNotifications(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await world.PublishNycCaseTypeAsync();
        Guid agent = await world.AddUserAsync("agent", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", world.Time.GetCurrentInstant(), caseType: nyc311);

        await ChangeStatusAsync(world, agent, caseId, await VersionAsync(world, caseId), CaseStatus.Open);
        await ChangeStatusAsync(world, agent, caseId, await VersionAsync(world, caseId), CaseStatus.InProgress);

        await using CivicDeskDbContext db = world.Database.CreateContext();
        OutboxNotification queued = await db.Notifications.SingleAsync(Ct);
        Assert.Equal(
            (caseId, NotificationRecipients.Resident, "case.acknowledged", "transition:acknowledge", (Instant?)null),
            (queued.CaseId, queued.RecipientKind, queued.TemplateKey, queued.Source, queued.SentAt));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publish_Nyc311WithoutASupervisorReviewQueue_ReportsTheQueueAndStillPublishes(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using (CivicDeskDbContext db = world.Database.CreateContext())
        {
            await db.Queues.Where(q => q.Code == "supervisor-review").ExecuteDeleteAsync(Ct);
        }

        Result<PublishedCaseType> published = await PublishNyc311Async(world);

        Assert.True(published.IsSuccess, published.Error?.ToString());
        Assert.Equal(["supervisor-review"], published.Value.UnknownQueues);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publish_Nyc311OnTheSeededCatalogue_FindsEveryQueueItNames(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);

        Result<PublishedCaseType> published = await PublishNyc311Async(world);

        Assert.True(published.IsSuccess, published.Error?.ToString());
        Assert.Empty(published.Value.UnknownQueues);
    }

    private static async Task<Result<PublishedCaseType>> PublishNyc311Async(StaffWorld world)
    {
        CaseTypeRead read = CaseTypeFiles.Read(RepositoryPaths.Samples("case-types", "nyc-311.yaml"));
        await using AsyncServiceScope scope = world.Scope();
        return await StaffWorld.Get<PublishCaseTypeHandler>(scope)
            .HandleAsync("nyc", read.ToPublication(Actor.System)!, Ct);
    }

    private static async Task<int> VersionAsync(StaffWorld world, Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync(Ct);
    }
}
