using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.CaseTypes.PublishCaseType;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Tests.Sla;

/// <summary>Helpers of the SLA tests: the NYC 311 case type published as the demo does, clocks read back.</summary>
internal static class SlaWorld
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Publishes samples/case-types/nyc-311.yaml, which also publishes calendar nyc-business v1.</summary>
    public static async Task<PinnedCaseType> PublishNyc311Async(StaffWorld world)
    {
        CaseTypeRead read = CaseTypeFiles.Read(RepositoryPaths.Samples("case-types", "nyc-311.yaml"));
        CaseTypePublication publication = read.ToPublication(Actor.System)
            ?? throw new InvalidOperationException(string.Join("; ", read.Problems));
        await using AsyncServiceScope scope = world.Scope();
        Result<PublishedCaseType> published = await StaffWorld.Get<PublishCaseTypeHandler>(scope)
            .HandleAsync("nyc", publication, Ct);
        Assert.True(published.IsSuccess, published.Error?.ToString());
        return new PinnedCaseType(publication.Key, publication.Version, publication.ContentHash);
    }

    /// <summary>Schedules a stored case's timers and clocks, as a status change would.</summary>
    public static async Task ScheduleAsync(StaffWorld world, Guid caseId)
    {
        await using AsyncServiceScope scope = world.Scope();
        CivicDeskDbContext db = StaffWorld.Get<CivicDeskDbContext>(scope);
        Case found = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        await StaffWorld.Get<SlaTimerScheduler>(scope).ScheduleAsync(found, null, Ct);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>
    /// Moves a case pinned to the NYC 311 case type by the transition leading to <paramref name="to"/>, with the
    /// field that transition requires.
    /// </summary>
    public static async Task ChangeStatusAsync(
        StaffWorld world,
        Guid userId,
        Guid caseId,
        int version,
        CaseStatus to)
    {
        Dictionary<string, string> fields = to switch
        {
            CaseStatus.OnHold => new() { ["hold_reason"] = "Waiting for the landlord to give access." },
            CaseStatus.Closed => new() { ["resolution"] = "Repaired." },
            _ => [],
        };
        await using AsyncServiceScope scope = world.Scope();
        Result<CaseChanged> changed = await StaffWorld.Get<ChangeCaseStatusHandler>(scope).HandleAsync(
            new ChangeCaseStatus(StaffWorld.Caller(userId), caseId, version, to, null) { Fields = fields }, Ct);
        Assert.True(changed.IsSuccess, changed.Error?.ToString());
    }

    public static async Task<CaseSlaClock> ClockAsync(StaffWorld world, Guid caseId, string clockId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.CaseSlaClocks.AsNoTracking().SingleAsync(c => c.CaseId == caseId && c.ClockId == clockId, Ct);
    }
}
