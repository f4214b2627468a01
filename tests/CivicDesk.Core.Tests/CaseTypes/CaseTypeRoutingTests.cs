using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.Photos;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Cases.SubmitRequest;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.CaseTypes.PublishCaseType;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Tests.CaseTypes;

/// <summary>
/// Routing and triage by the tables of the case type a new case is pinned to (issue 4, item 4), through the
/// intake use case as the host wires it (no routing policy in settings), on both databases.
/// </summary>
public sealed class CaseTypeRoutingTests : IDisposable
{
    // heat-hot-water goes to DOB instead of HPD: a table no settings policy and no catalogue default gives.
    private const string OtherRouting = """
        rules "test.casetype.routing" version "2"
        outputs department
        input service_code : text
        table department
          hit unique
          input service_code
          output department : text
          row heat: "heat-hot-water" -> "DOB"
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "civicdesk-tests", $"ct-{Guid.NewGuid():N}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Submit_HeatComplaintOfTheNyc311Type_IsRoutedToHpdWithPriorityOneByTheTypesTables(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType v1 = await world.PublishNycCaseTypeAsync();

        Guid caseId = await SubmitHeatAsync(world);

        Assert.Equal(("HPD", (int?)1, (int?)1), await PlacementAsync(world, caseId));
        RoutingDecisionView decision = await DecisionAsync(world, caseId);
        Assert.Equal(("nyc.demo.routing", "2025.1", "HPD", "main", (int?)1),
            (decision.RuleSetId, decision.RuleSetVersion, decision.Department, decision.Queue, decision.Priority));
        Assert.Empty(decision.Fallbacks);
        Assert.Equal([new FiredRow("department", "heat_hot_water"), new FiredRow("priority", "no_heat_at_home")],
            decision.FiredRows);
        Assert.Equal(1, v1.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Submit_AfterVersionTwoWithAnotherRoutingTable_RoutesNewCasesByItAndLeavesEarlierCasesAlone(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await world.PublishNycCaseTypeAsync();
        Guid before = await SubmitHeatAsync(world);

        CaseTypeRead v2 = ReadVersionTwo(OtherRouting);
        Assert.Empty(v2.Problems);
        Result<PublishedCaseType> published = await PublishAsync(world, v2.ToPublication(Actor.System)!);
        Assert.True(published.IsSuccess, published.Error?.ToString());
        Guid after = await SubmitHeatAsync(world);

        Assert.Equal(("HPD", (int?)1, (int?)1), await PlacementAsync(world, before));
        Assert.Equal(("DOB", (int?)1, (int?)2), await PlacementAsync(world, after));

        // Routing from the new file, triage still from the demo rules: both decisions are on the event.
        RoutingDecisionView decision = await DecisionAsync(world, after);
        Assert.Equal(("test.casetype.routing", "DOB", (int?)1),
            (decision.RuleSetId, decision.Department, decision.Priority));
        Assert.Equal([new FiredRow("department", "heat"), new FiredRow("priority", "no_heat_at_home")],
            decision.FiredRows);
    }

    [Fact]
    public void Read_CaseTypeWhoseRoutingFileDoesNotLoad_ReportsTheRuleFileAndGivesNothingToPublish()
    {
        CaseTypeRead read = ReadVersionTwo("rules \"broken\" version \"1\"\ntable");

        Assert.Null(read.ToPublication(Actor.System));
        Assert.Contains(read.Problems, p => p.Message.Contains("'../rules/other.rules' does not load",
            StringComparison.Ordinal));
    }

    /// <summary>samples/case-types/nyc-311.yaml as version 2 whose routing table is <paramref name="rules"/>.
    /// </summary>
    private CaseTypeRead ReadVersionTwo(string rules)
    {
        string types = Path.Combine(_folder, "case-types");
        string ruleFolder = Path.Combine(_folder, "rules");
        Directory.CreateDirectory(types);
        Directory.CreateDirectory(ruleFolder);
        File.Copy(RepositoryPaths.Samples("rules", "nyc-routing.rules"), Path.Combine(ruleFolder, "nyc-routing.rules"),
            overwrite: true);
        File.WriteAllText(Path.Combine(ruleFolder, "other.rules"), rules);
        string yaml = File.ReadAllText(RepositoryPaths.Samples("case-types", "nyc-311.yaml"))
            .Replace("version: 1\n", "version: 2\n", StringComparison.Ordinal)
            .Replace("routing:\n  rules: ../rules/nyc-routing.rules", "routing:\n  rules: ../rules/other.rules",
                StringComparison.Ordinal);
        string path = Path.Combine(types, "nyc-311.yaml");
        File.WriteAllText(path, yaml);
        return CaseTypeFiles.Read(path, Path.GetDirectoryName(RepositoryPaths.Samples("calendars", "nyc.yaml")));
    }

    private static async Task<Result<PublishedCaseType>> PublishAsync(
        StaffWorld world,
        CaseTypePublication publication)
    {
        await using AsyncServiceScope scope = world.Scope();
        return await StaffWorld.Get<PublishCaseTypeHandler>(scope).HandleAsync("nyc", publication, Ct);
    }

    private static async Task<Guid> SubmitHeatAsync(StaffWorld world)
    {
        Dictionary<string, IReadOnlyList<string>> answers = new()
        {
            ["descriptor"] = ["ENTIRE BUILDING"],
            ["location_type"] = ["RESIDENTIAL BUILDING"],
        };
        SubmitRequest request = new(
            world.JurisdictionId, "heat-hot-water", answers, Latitude: 40.7128, Longitude: -74.0060,
            Address: "1 Centre Street", AddressId: null, ZipCode: "10007", Description: "No heat.",
            Contact: ResidentContact.None, Channel: Channel.Web, SubmissionKey: null,
            Photos: Array.Empty<UploadedPhoto>(), Actor: Actor.Resident("203.0.113.9"));
        await using AsyncServiceScope scope = world.Scope();
        Result<SubmitRequestReceipt> result = await StaffWorld.Get<SubmitRequestHandler>(scope)
            .HandleAsync(request, Ct);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value.CaseId;
    }

    private static async Task<(string Department, int? Priority, int? Version)> PlacementAsync(
        StaffWorld world,
        Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Case stored = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        string department = await db.Departments.Where(d => d.Id == stored.DepartmentId).Select(d => d.Code)
            .SingleAsync(Ct);
        Assert.Equal(stored.DepartmentId,
            await db.Queues.Where(q => q.Id == stored.QueueId).Select(q => q.DepartmentId).SingleAsync(Ct));
        return (department, stored.Priority, stored.CaseTypeVersion);
    }

    private static async Task<RoutingDecisionView> DecisionAsync(StaffWorld world, Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        CaseEvent routed = await db.CaseEvents.SingleAsync(
            e => e.CaseId == caseId && e.Kind == CaseEventKind.Routed, Ct);
        return RoutingDecisionView.Read(routed.Data)!;
    }
}
