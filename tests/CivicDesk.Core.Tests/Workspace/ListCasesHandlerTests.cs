using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.AssignCase;
using CivicDesk.Core.Cases.ListCases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CivicDesk.Core.Tests.Workspace;

public sealed class ListCasesHandlerTests
{
    private static readonly Instant Noon = Instant.FromUtc(2025, 3, 1, 17, 0);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_AgentOfOneDepartment_ListsAndCountsOnlyThatDepartment(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid hpd = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid admin = await world.AddUserAsync("root", StaffRole.Administrator);
        Guid[] hpdCases = [await world.AddCaseAsync("heat-hot-water", Noon),
            await world.AddCaseAsync("plumbing", Noon)];
        Guid dotCase = await world.AddCaseAsync("street-condition", Noon);

        CaseListPage agentPage = await ListAsync(world, hpd, []);
        CaseListPage adminPage = await ListAsync(world, admin, []);
        Result<CaseListPage> askedForDot = await TryListAsync(world, hpd, new() { ["department"] = ["DOT"] });

        Assert.Equal(2, agentPage.Total);
        Assert.Equal(hpdCases.Order(), agentPage.Items.Select(i => i.Id).Order());
        Assert.DoesNotContain(agentPage.Items, i => i.Id == dotCase);
        Assert.Equal(3, adminPage.Total);
        Assert.Equal(("department", "unknown"), Single(askedForDot));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_CreatedDates_AreLocalDatesOfTheJurisdiction(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid admin = await world.AddUserAsync("root", StaffRole.Administrator);

        // 04:30 UTC on 2 March is 23:30 on 1 March in New York (UTC-5).
        Guid lateEvening = await world.AddCaseAsync("heat-hot-water", Instant.FromUtc(2025, 3, 2, 4, 30));
        Guid nextMorning = await world.AddCaseAsync("heat-hot-water", Instant.FromUtc(2025, 3, 2, 13, 0));

        CaseListPage firstOfMarch = await ListAsync(world, admin,
            new() { ["created_from"] = ["2025-03-01"], ["created_to"] = ["2025-03-01"] });
        CaseListPage secondOfMarch = await ListAsync(world, admin, new() { ["created_from"] = ["2025-03-02"] });

        Assert.Equal([lateEvening], firstOfMarch.Items.Select(i => i.Id));
        Assert.Equal([nextMorning], secondOfMarch.Items.Select(i => i.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_QualityAndAssignmentFilters_SelectTheMatchingCases(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid clean = await world.AddCaseAsync("heat-hot-water", Noon);
        Guid zip = await world.AddCaseAsync(
            "heat-hot-water", Noon + Duration.FromMinutes(1), DataQualityFlags.PlaceholderZip, "nyc311");
        Guid both = await world.AddCaseAsync(
            "plumbing", Noon + Duration.FromMinutes(2),
                DataQualityFlags.PlaceholderZip | DataQualityFlags.MisdecodedText, "nyc311");
        await using (AsyncServiceScope scope = world.Scope())
        {
            await StaffWorld.Get<AssignCaseHandler>(scope)
                .HandleAsync(new AssignCase(StaffWorld.Caller(ana), both, 1, ana), StaffWorld.Ct);
        }

        Assert.Equal([zip, both], await IdsAsync(world, ana, "quality", "placeholder_zip"));
        Assert.Equal([both], await IdsAsync(world, ana, "quality", "misdecoded_text"));
        Assert.Equal([zip, both], await IdsAsync(world, ana, "quality", "flagged"));
        Assert.Equal([clean], await IdsAsync(world, ana, "quality", "clean"));
        Assert.Equal([both], await IdsAsync(world, ana, "assigned", "mine"));
        Assert.Equal([clean, zip], await IdsAsync(world, ana, "assigned", "unassigned"));
        Assert.Equal([clean, zip], await IdsAsync(world, ana, "service", "heat-hot-water"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_PagesOverTies_CoverEveryCaseOnceInTheSameOrderEachTime(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        List<Guid> all = [];
        for (int i = 0; i < 23; i++)
        {
            // Three creation times only: most cases tie on the sort key.
            all.Add(
                await world.AddCaseAsync(i % 2 == 0 ? "heat-hot-water" : "plumbing", Noon + Duration.FromHours(i % 3)));
        }

        List<Guid> seen = [];
        for (int page = 1; page <= 3; page++)
        {
            Dictionary<string, IReadOnlyList<string>> query = new()
            {
                ["sort"] = ["created"], ["direction"] = ["asc"], ["page_size"] = ["10"], ["page"] = [$"{page}"],
            };
            CaseListPage first = await ListAsync(world, ana, query);
            CaseListPage again = await ListAsync(world, ana, query);
            Assert.Equal(first.Items.Select(i => i.Id), again.Items.Select(i => i.Id));
            Assert.Equal(23, first.Total);
            seen.AddRange(first.Items.Select(i => i.Id));
        }

        Assert.Equal(all.Order(), seen.Order());
        Assert.Equal(23, seen.Distinct().Count());
        CaseListPage byService = await ListAsync(world, ana,
            new() { ["sort"] = ["service"], ["direction"] = ["desc"], ["page_size"] = ["25"] });
        Assert.Equal(
            byService.Items.Select(i => i.ServiceName).Order(StringComparer.Ordinal).Reverse(),
            byService.Items.Select(i => i.ServiceName));
    }

    [Fact]
    public void Parse_BadValues_NamesEachParameter()
    {
        Dictionary<string, IReadOnlyList<string>> query = new()
        {
            ["status"] = ["open", "done"],
            ["created_from"] = ["03/01/2025"],
            ["quality"] = ["dubious"],
            ["assigned"] = ["them"],
            ["sort"] = ["reference"],
            ["direction"] = ["up"],
            ["page"] = ["0"],
            ["page_size"] = ["7"],
        };

        Result<CaseListQuery> parsed = CaseListQueryParser.Parse(query);

        Assert.Equal(
            ["assigned", "created_from", "direction", "page", "page_size", "quality", "sort", "status"],
            Assert.IsType<ValidationFailed>(parsed.Error).Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    private static (string Field, string Code) Single(Result<CaseListPage> result)
    {
        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(result.Error).Errors);
        return (error.Field, error.Code);
    }

    private static async Task<List<Guid>> IdsAsync(StaffWorld world, Guid userId, string name, string value)
    {
        Dictionary<string, IReadOnlyList<string>> query = new()
        {
            [name] = [value], ["sort"] = ["created"], ["direction"] = ["asc"],
        };
        CaseListPage page = await ListAsync(world, userId, query);
        Assert.Equal(page.Items.Count, page.Total);
        return page.Items.Select(i => i.Id).ToList();
    }

    private static async Task<CaseListPage> ListAsync(
        StaffWorld world,
        Guid userId,
        Dictionary<string, IReadOnlyList<string>> query)
    {
        Result<CaseListPage> result = await TryListAsync(world, userId, query);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    private static async Task<Result<CaseListPage>> TryListAsync(
        StaffWorld world,
        Guid userId,
        Dictionary<string, IReadOnlyList<string>> query)
    {
        await using AsyncServiceScope scope = world.Scope();
        CaseListQuery parsed = CaseListQueryParser.Parse(query).Value;
        return await StaffWorld.Get<ListCasesHandler>(scope).HandleAsync(StaffWorld.Caller(userId), parsed,
            StaffWorld.Ct);
    }
}
