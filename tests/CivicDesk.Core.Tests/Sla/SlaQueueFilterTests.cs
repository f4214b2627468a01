using CivicDesk.Core.Cases.ListCases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Testing;
using NodaTime;
using static CivicDesk.Core.Tests.Sla.SlaWorld;

namespace CivicDesk.Core.Tests.Sla;

/// <summary>
/// The case list's SLA filter reads the stored clock states inside the caller's scope. At Wednesday 2025-03-05
/// 10:30 New York (15:30 UTC), with heat cases (HPD, 24 calendar hours, warned 8 business hours before) and a
/// noise case (NYPD, 8 calendar hours): the heat case of Tuesday 09:00 is breached, the one of Wednesday 08:00
/// is at risk (warned at 10:00), the one made now is on time, and the noise case of Tuesday is breached.
/// </summary>
public sealed class SlaQueueFilterTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SlaFilter_ShowsEachAgentOnlyTheCasesOfHisDepartmentsInThatStanding(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid dan = await world.AddUserAsync("dan", StaffRole.Agent, "NYPD");
        world.Time.SetUtcNow(new DateTimeOffset(2025, 3, 5, 15, 30, 0, TimeSpan.Zero));
        Guid breached = await AddAsync(world, "heat-hot-water", Instant.FromUtc(2025, 3, 4, 14, 0), nyc311);
        Guid atRisk = await AddAsync(world, "heat-hot-water", Instant.FromUtc(2025, 3, 5, 13, 0), nyc311);
        Guid onTime = await AddAsync(world, "heat-hot-water", Instant.FromUtc(2025, 3, 5, 15, 30), nyc311);
        Guid noise = await AddAsync(world, "noise-residential", Instant.FromUtc(2025, 3, 4, 14, 0), nyc311);

        Assert.Equal([breached], await ListAsync(world, ana, SlaFilter.Breached));
        Assert.Equal([atRisk], await ListAsync(world, ana, SlaFilter.AtRisk));
        Assert.Equal([onTime], await ListAsync(world, ana, SlaFilter.OnTime));
        Assert.Equal([noise], await ListAsync(world, dan, SlaFilter.Breached));
        Assert.Empty(await ListAsync(world, dan, SlaFilter.AtRisk));
    }

    [Fact]
    public void Parse_SlaParameter_ReadsEachStandingAndNamesTheFieldOfAnUnknownOne()
    {
        Result<CaseListQuery> atRisk = CaseListQueryParser.Parse(
            new Dictionary<string, IReadOnlyList<string>> { ["sla"] = ["at_risk"] });
        Result<CaseListQuery> unknown = CaseListQueryParser.Parse(
            new Dictionary<string, IReadOnlyList<string>> { ["sla"] = ["late"] });

        Assert.Equal(SlaFilter.AtRisk, atRisk.Value.Sla);
        Assert.Equal("sla", Assert.IsType<ValidationFailed>(unknown.Error).Errors.Single().Field);
    }

    private static async Task<Guid> AddAsync(StaffWorld world, string service, Instant createdAt, PinnedCaseType type)
    {
        Guid caseId = await world.AddCaseAsync(service, createdAt, caseType: type);
        await ScheduleAsync(world, caseId);
        return caseId;
    }

    private static async Task<List<Guid>> ListAsync(StaffWorld world, Guid userId, SlaFilter filter)
    {
        await using Microsoft.Extensions.DependencyInjection.AsyncServiceScope scope = world.Scope();
        Result<CaseListPage> page = await StaffWorld.Get<ListCasesHandler>(scope)
            .HandleAsync(StaffWorld.Caller(userId), new CaseListQuery { Sla = filter }, Ct);
        Assert.True(page.IsSuccess, page.Error?.ToString());
        Assert.Equal(page.Value.Total, page.Value.Items.Count);
        return [.. page.Value.Items.Select(i => i.Id)];
    }
}
