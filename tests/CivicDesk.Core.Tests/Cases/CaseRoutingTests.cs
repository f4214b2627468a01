using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.Photos;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Cases.SubmitRequest;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Rules;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CivicDesk.Core.Tests.Cases;

/// <summary>Routing and triage on submission (issue 4, item 4), through the intake use case, on both databases.
/// </summary>
public sealed class CaseRoutingTests : IDisposable
{
    private static readonly string NycRules = RepositoryPaths.Samples("rules", "nyc-routing.rules");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 14, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "civicdesk-tests", $"rules-{Guid.NewGuid():N}");

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
    public async Task HandleAsync_NycPolicy_SetsDepartmentQueueAndPriorityPerService(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        RoutingPolicies policies = Policies(("nyc", NycRules));
        (string Service, string Descriptor, string? Place, string Department, int? Priority)[] expected =
        [
            ("heat-hot-water", "ENTIRE BUILDING", "RESIDENTIAL BUILDING", "HPD", 1),
            ("traffic-signal-condition", "Controller", null, "DOT", 1),
            ("street-condition", "Pothole", "Street", "DOT", 2),
            ("noise-residential", "Loud Music/Party", null, "NYPD", 3),
            ("graffiti", "Graffiti", "Street/Sidewalk", "DSNY", 3),

            // The kinds of place as the catalogue (and NYC's open data) spell them for rodents.
            ("rodent", "Rat Sighting", "3+ Family Apt. Building", "DOHMH", 2),
            ("rodent", "Rat Sighting", "1-2 Family Dwelling", "DOHMH", 2),

            // The first triage row needs the kind of place: without it the priority cannot be decided.
            ("heat-hot-water", "APARTMENT ONLY", null, "HPD", null),
        ];

        List<(string, string, string, int?)> actual = [];
        foreach ((string service, string descriptor, string? place, _, _) in expected)
        {
            Result<SubmitRequestReceipt> result = await HandleAsync(
                database, policies, Request(jurisdictionId, service, descriptor, place));
            Assert.True(result.IsSuccess, result.Error?.ToString());
            actual.Add(await PlacementAsync(database, result.Value.CaseId));
        }

        Assert.Equal(
            expected.Select(e => (e.Service, e.Department, $"{e.Department} main queue", e.Priority)),
            actual);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_NycPolicy_RecordsTheDecisionAsAStaffOnlyEventWithItsRuleSetInputsAndTrace(
        string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        RuleSet rules = RuleSetLoader.Load("nyc-routing.rules", await File.ReadAllTextAsync(NycRules, Ct));

        Result<SubmitRequestReceipt> result = await HandleAsync(database, Policies(("nyc", NycRules)),
            Request(jurisdictionId, "heat-hot-water", "ENTIRE BUILDING", "RESIDENTIAL BUILDING"));

        await using CivicDeskDbContext db = database.CreateContext();
        List<CaseEvent> events = await db.CaseEvents.Where(e => e.CaseId == result.Value.CaseId)
            .OrderBy(e => e.Kind).ToListAsync(Ct);
        Assert.Equal([CaseEventKind.Created, CaseEventKind.Routed], events.Select(e => e.Kind));
        CaseEvent routed = events[1];
        Assert.Equal(EventVisibility.Internal, routed.Visibility);
        Assert.Equal(ActorKind.System, routed.ActorKind);
        using JsonDocument data = JsonDocument.Parse(routed.Data!);
        JsonElement root = data.RootElement;
        Assert.Equal("nyc.demo.routing", root.GetProperty("rule_set_id").GetString());
        Assert.Equal("2025.1", root.GetProperty("rule_set_version").GetString());
        Assert.Equal(rules.ContentHash, root.GetProperty("content_hash").GetString());
        Assert.Equal("2025-06-02", root.GetProperty("as_of").GetString());
        Assert.Equal("""{"location_type":"RESIDENTIAL BUILDING","service_code":"heat-hot-water"}""",
            root.GetProperty("inputs").GetRawText());
        Assert.Equal("""{"department":"HPD","priority":1}""", root.GetProperty("outputs").GetRawText());
        Assert.Equal("""{"department":"HPD","queue":"main","priority":1}""", root.GetProperty("applied").GetRawText());
        Assert.Equal(0, root.GetProperty("fallbacks").GetArrayLength());
        RoutingDecisionView view = RoutingDecisionView.Read(routed.Data)!;
        Assert.Equal([new FiredRow("department", "heat_hot_water"), new FiredRow("priority", "no_heat_at_home")],
            view.FiredRows);
        AuditEntry audit = await db.AuditEntries.SingleAsync(a => a.TargetId == result.Value.CaseId, Ct);
        using JsonDocument detail = JsonDocument.Parse(audit.Detail!);
        Assert.Equal(1, detail.RootElement.GetProperty("priority").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_PolicyWithQueueOutput_MovesTheCaseAndFallsBackForAServiceNotInTheTable(
        string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            Department dot = await db.Departments.SingleAsync(d => d.Code == "DOT", Ct);
            db.Queues.Add(new Queue(Guid.CreateVersion7(), dot.Id, "urgent", "DOT urgent queue"));
            await db.SaveChangesAsync(Ct);
        }

        RoutingPolicies policies = Policies(("nyc", WriteRules("""
            rules "test.routing" version "7"
            outputs department, queue, priority
            input service_code : text
            table department
              hit unique
              input service_code
              output department : text
              row graffiti: "graffiti" -> "DOT"
            table queue
              hit unique
              input service_code
              output queue : text
              row graffiti: "graffiti" -> "urgent"
              row rodent: "rodent" -> "urgent"
            table priority
              hit unique
              input service_code
              output priority : integer
              row graffiti: "graffiti" -> 4
              row rodent: "rodent" -> 9
            """)));

        Result<SubmitRequestReceipt> moved = await HandleAsync(
            database, policies, Request(jurisdictionId, "graffiti", "Graffiti", null));
        Result<SubmitRequestReceipt> fallback = await HandleAsync(
            database, policies, Request(jurisdictionId, "rodent", "Rat Sighting", null));

        Assert.Equal(("graffiti", "DOT", "DOT urgent queue", (int?)4),
            await PlacementAsync(database, moved.Value.CaseId));
        Assert.Equal(("rodent", "DOHMH", "DOHMH main queue", (int?)null),
            await PlacementAsync(database, fallback.Value.CaseId));
        RoutingDecisionView said = await DecisionAsync(database, fallback.Value.CaseId);
        Assert.Equal(["department", "queue", "priority"], said.Fallbacks);
        Assert.Equal(("DOHMH", "main", (int?)null), (said.Department, said.Queue, said.Priority));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_JurisdictionWithoutPolicy_KeepsTheServiceDepartmentAndNoPriorityOrDecision(
        string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);

        Result<SubmitRequestReceipt> result = await HandleAsync(database, Policies(("elsewhere", NycRules)),
            Request(jurisdictionId, "traffic-signal-condition", "Controller", null));

        Assert.Equal(("traffic-signal-condition", "DOT", "DOT main queue", (int?)null),
            await PlacementAsync(database, result.Value.CaseId));
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal([CaseEventKind.Created],
            await db.CaseEvents.Where(e => e.CaseId == result.Value.CaseId).Select(e => e.Kind).ToListAsync(Ct));
    }

    [Fact]
    public async Task HandleAsync_UnreadablePolicy_KeepsTakingRequestsWithTheDefaultPlacement()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        Guid jurisdictionId = await SeedAsync(database);
        RoutingPolicies policies = Policies(("nyc", WriteRules("rules \"broken\" version \"1\"\ntable")));

        Result<SubmitRequestReceipt> result = await HandleAsync(
            database, policies, Request(jurisdictionId, "street-condition", "Pothole", null));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(("street-condition", "DOT", "DOT main queue", (int?)null),
            await PlacementAsync(database, result.Value.CaseId));
    }

    [Fact]
    public void For_SameTextForTwoJurisdictions_CompilesOnceAndSharesThePolicy()
    {
        RoutingPolicies policies = Policies(("nyc", NycRules), ("nyc-copy", NycRules));

        RoutingPolicy? first = policies.For("nyc");
        RoutingPolicy? second = policies.For("nyc-copy");

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Same(first, policies.WithHash(first.Rules.ContentHash));
    }

    private string WriteRules(string text)
    {
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.rules");
        File.WriteAllText(path, text);
        return path;
    }

    private static RoutingPolicies Policies(params (string Jurisdiction, string Path)[] policies)
    {
        RoutingOptions options = new();
        foreach ((string jurisdiction, string path) in policies)
        {
            options.Policies[jurisdiction] = path;
        }

        return new RoutingPolicies(Options.Create(options), NullLogger<RoutingPolicies>.Instance);
    }

    private static SubmitRequest Request(Guid jurisdictionId, string service, string descriptor, string? place)
    {
        Dictionary<string, IReadOnlyList<string>> answers = new() { ["descriptor"] = [descriptor] };
        if (place is not null)
        {
            answers["location_type"] = [place];
        }

        return new SubmitRequest(
            jurisdictionId, service, answers, Latitude: 40.7128, Longitude: -74.0060, Address: "1 Centre Street",
            AddressId: null, ZipCode: "10007", Description: "Routing test.", Contact: ResidentContact.None,
            Channel: Channel.Web, SubmissionKey: null, Photos: Array.Empty<UploadedPhoto>(),
            Actor: Actor.Resident("203.0.113.9"));
    }

    private async Task<Guid> SeedAsync(TestDatabase database)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        SeedCatalogHandler seed = new(db, _time, NullLogger<SeedCatalogHandler>.Instance);
        (Guid id, _) = await seed.HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
        return id;
    }

    private async Task<Result<SubmitRequestReceipt>> HandleAsync(
        TestDatabase database,
        RoutingPolicies policies,
        SubmitRequest request)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        return await SubmitRequestHandlers.Create(db, _time, policies).HandleAsync(request, Ct);
    }

    private static async Task<(string Service, string Department, string Queue, int? Priority)> PlacementAsync(
        TestDatabase database,
        Guid caseId)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        Case stored = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        string service = await db.Services.Where(s => s.Id == stored.ServiceId).Select(s => s.Code).SingleAsync(Ct);
        string department = await db.Departments.Where(d => d.Id == stored.DepartmentId).Select(d => d.Code)
            .SingleAsync(Ct);
        Queue queue = await db.Queues.SingleAsync(q => q.Id == stored.QueueId, Ct);
        Assert.Equal(stored.DepartmentId, queue.DepartmentId);
        return (service, department, queue.Name, stored.Priority);
    }

    private static async Task<RoutingDecisionView> DecisionAsync(TestDatabase database, Guid caseId)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        CaseEvent routed = await db.CaseEvents.SingleAsync(
            e => e.CaseId == caseId && e.Kind == CaseEventKind.Routed, Ct);
        return RoutingDecisionView.Read(routed.Data)!;
    }
}
