using System.Net;
using System.Text;
using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Web.Tests.Open311;
using CivicDesk.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// Routing and triage on submission through the real channels (Open311 POST and the portal form) with the NYC
/// demo policy the host is configured with, and the supervisor's override through the staff API and the
/// workspace form (issue 4, item 4).
/// </summary>
public abstract class RoutingTests(WorkspaceApp app)
{
    [Fact]
    public async Task Open311Post_NycServices_AreRoutedTriagedAndShownInTheStaffApi()
    {
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD", "DOT", "NYPD");
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app, "Routing partner");
        Guid heat = await PostOpen311Async(key, "heat-hot-water", "ENTIRE BUILDING", "RESIDENTIAL BUILDING");
        Guid signal = await PostOpen311Async(key, "traffic-signal-condition", "Controller", null);
        Guid pothole = await PostOpen311Async(key, "street-condition", "Pothole", "Street");
        Guid noise = await PostOpen311Async(key, "noise-residential", "Loud Music/Party", null);
        HttpClient client = await SignInAsync(app, supervisor);

        List<(string?, string?, int?)> placed = [];
        foreach (Guid id in new[] { heat, signal, pothole, noise })
        {
            JsonElement details = await JsonAsync(client, $"/api/v1/cases/{id}");
            placed.Add((details.GetProperty("department_code").GetString(),
                details.GetProperty("queue_code").GetString(),
                details.GetProperty("priority").ValueKind == JsonValueKind.Number
                    ? details.GetProperty("priority").GetInt32()
                    : null));
        }

        Assert.Equal(
            [("HPD", "main", 1), ("DOT", "main", 1), ("DOT", "main", 2), ("NYPD", "main", 3)],
            placed.Select(p => (p.Item1, p.Item2, p.Item3)));
        JsonElement heatCase = await JsonAsync(client, $"/api/v1/cases/{heat}");
        JsonElement routed = heatCase.GetProperty("timeline").EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == "routed");
        Assert.Equal("internal", routed.GetProperty("visibility").GetString());
        JsonElement decision = routed.GetProperty("routing");
        Assert.Equal("nyc.demo.routing", decision.GetProperty("rule_set").GetProperty("id").GetString());
        Assert.Equal("2025.1", decision.GetProperty("rule_set").GetProperty("version").GetString());
        Assert.Equal(64, decision.GetProperty("rule_set").GetProperty("content_hash").GetString()!.Length);
        Assert.Equal("heat-hot-water", decision.GetProperty("inputs").GetProperty("service_code").GetString());
        Assert.Contains(decision.GetProperty("fired").EnumerateArray(), r
            => r.GetProperty("table").GetString() == "priority"
                && r.GetProperty("row").GetString() == "no_heat_at_home");
        JsonElement urgent = await JsonAsync(client,
            "/api/v1/cases?priority=1&sort=priority&direction=asc&page_size=100");
        Guid[] urgentIds = [.. urgent.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
        Assert.Contains(heat, urgentIds);
        Assert.Contains(signal, urgentIds);
        Assert.DoesNotContain(pothole, urgentIds);
        Assert.All(urgent.GetProperty("items").EnumerateArray(), i
            => Assert.Equal(1, i.GetProperty("priority").GetInt32()));
    }

    [Fact]
    public async Task PortalSubmission_IsRoutedButTheTrackingPageShowsNoDecisionOrTrace()
    {
        using HttpClient resident = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(resident, "heat-hot-water");
        string reference = PortalForms.ReferenceFrom(
            await PortalForms.PostAsync(resident, "heat-hot-water", tokens, PortalForms.HeatComplaint()));

        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Case stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Reference == reference, Ct);
        CaseEvent routed = await db.CaseEvents.AsNoTracking()
            .SingleAsync(e => e.CaseId == stored.Id && e.Kind == CaseEventKind.Routed, Ct);
        string tracking = await PortalForms.TextAsync(await PortalForms.GetAsync(resident, $"/requests/{reference}"));

        Assert.Equal(1, stored.Priority);
        Assert.Equal(EventVisibility.Internal, routed.Visibility);
        Assert.Contains($"Request {reference}", tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("nyc.demo.routing", tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("no_heat_at_home", tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("priority", tracking, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Routed", tracking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_BySupervisor_MovesTheCaseAuditsItAndReferencesTheDecision()
    {
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        Guid caseId = await PostOpen311Async(
            await Open311TestData.IssueKeyAsync(app), "heat-hot-water", "ENTIRE BUILDING", "RESIDENTIAL BUILDING");
        HttpClient client = await SignInAsync(app, supervisor);

        HttpResponseMessage response = await PostJsonAsync(client, $"/api/v1/cases/{caseId}/routing", "\"1\"",
            """{"department": "DOT", "priority": 2, "reason": "The caller describes a street hazard."}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Case moved = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, Ct);
        string department = await db.Departments.Where(d => d.Id == moved.DepartmentId).Select(d => d.Code)
            .SingleAsync(Ct);
        List<CaseEvent> events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync(Ct);
        CaseEvent decision = events.Single(e => e.Kind == CaseEventKind.Routed);
        CaseEvent overridden = events.Single(e => e.Kind == CaseEventKind.RoutingOverridden);
        AuditEntry audit = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.TargetId == caseId && a.Action == "case.routing_overridden", Ct);
        Assert.Equal(("DOT", 2, 2), (department, moved.Priority, moved.Version));
        Assert.Equal(decision.Id, overridden.RelatedEventId);
        Assert.Equal("The caller describes a street hazard.", overridden.Text);
        Assert.Equal(EventVisibility.Internal, overridden.Visibility);
        using JsonDocument detail = JsonDocument.Parse(audit.Detail!);
        Assert.Equal(decision.Id, detail.RootElement.GetProperty("overrides").GetGuid());
        Assert.Equal("HPD", detail.RootElement.GetProperty("from").GetProperty("Department").GetString());
        Assert.Equal("DOT", detail.RootElement.GetProperty("to").GetProperty("Department").GetString());

        // The case left the supervisor's departments: from now on it is not found for them, as any unseen case.
        HttpResponseMessage gone = await client.GetAsync(new Uri($"/api/v1/cases/{caseId}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Override_RefusedCallsAndBadBodies_Answer403404412Or400NamingTheField()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (string dotSupervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "DOT");
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        Guid caseId = await PostOpen311Async(
            await Open311TestData.IssueKeyAsync(app), "plumbing", "BASIN/SINK", null);
        string path = $"/api/v1/cases/{caseId}/routing";
        const string Valid = """{"priority": 2, "reason": "Leak has stopped."}""";

        HttpResponseMessage byAgent = await PostJsonAsync(await SignInAsync(app, agent), path, "\"1\"", Valid);
        HttpResponseMessage unseen = await PostJsonAsync(await SignInAsync(app, dotSupervisor), path, "\"1\"", Valid);
        HttpClient client = await SignInAsync(app, supervisor);
        HttpResponseMessage noReason = await PostJsonAsync(client, path, "\"1\"", """{"priority": 2}""");
        const string V1 = "\"1\"";
        HttpResponseMessage blankReason = await PostJsonAsync(client, path, V1, """{"priority": 2, "reason": " "}""");
        HttpResponseMessage badPriority = await PostJsonAsync(client, path, V1, """{"priority": 9, "reason": "x"}""");
        HttpResponseMessage textPriority = await PostJsonAsync(
            client, path, V1, """{"priority": "high", "reason": "x"}""");
        HttpResponseMessage badDepartment = await PostJsonAsync(
            client, path, V1, """{"department": "NOPE", "reason": "x"}""");
        HttpResponseMessage badQueue = await PostJsonAsync(client, path, V1, """{"queue": "nope", "reason": "x"}""");
        HttpResponseMessage unchanged = await PostJsonAsync(
            client, path, V1, """{"department": "HPD", "reason": "x"}""");
        HttpResponseMessage stale = await PostJsonAsync(client, path, "\"7\"", Valid);
        HttpResponseMessage noIfMatch = await PostJsonAsync(client, path, null, Valid);

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal("application/problem+json", byAgent.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        Assert.Equal("reason", await FieldAsync(noReason));
        Assert.Equal("reason", await FieldAsync(blankReason));
        Assert.Equal("priority", await FieldAsync(badPriority));
        Assert.Equal("priority", await FieldAsync(textPriority));
        Assert.Equal("department", await FieldAsync(badDepartment));
        Assert.Equal("queue", await FieldAsync(badQueue));
        Assert.Equal("department", await FieldAsync(unchanged));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(1, (await ReadJsonAsync(stale)).GetProperty("currentVersion").GetInt32());
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Assert.False(await db.CaseEvents.AnyAsync(
            e => e.CaseId == caseId && e.Kind == CaseEventKind.RoutingOverridden, Ct));
    }

    [Fact]
    public async Task CasePage_Supervisor_SeesTheDecisionInWordsAndOverridesThroughTheForm()
    {
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        Guid caseId = await PostOpen311Async(
            await Open311TestData.IssueKeyAsync(app), "heat-hot-water", "ENTIRE BUILDING", "RESIDENTIAL BUILDING");
        string page = $"/staff/cases/{caseId}";
        HttpClient client = await SignInAsync(app, supervisor);

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, page));
        string agentHtml = await GetHtmlAsync(await SignInAsync(app, agent), page);
        HttpResponseMessage missingReason = await PostFormAsync(client, page, "routing",
            ("Routing.Version", "1"), ("Routing.Department", "HPD"), ("Routing.Queue", ""),
            ("Routing.Priority", "3"), ("Routing.Reason", ""));
        string refused = WebUtility.HtmlDecode(await missingReason.Content.ReadAsStringAsync(Ct));
        HttpResponseMessage saved = await PostFormAsync(client, page, "routing",
            ("Routing.Version", "1"), ("Routing.Department", "HPD"), ("Routing.Queue", ""),
            ("Routing.Priority", "3"), ("Routing.Reason", "Tenant reports heat restored in most units."));
        string after = WebUtility.HtmlDecode(await GetHtmlAsync(client, page));
        string spanish = WebUtility.HtmlDecode(await GetHtmlAsync(client, page + "?culture=es"));

        Assert.Contains(
            "Routed to HPD (queue main) / priority 1 by nyc.demo.routing 2025.1", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Why</summary>", html, StringComparison.Ordinal);
        Assert.Contains("No heat or hot water where people live", html, StringComparison.Ordinal);
        Assert.Contains("id=\"routing-heading\"", html, StringComparison.Ordinal);
        Assert.Contains("for=\"reason\">Reason for the change</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"routing-heading\"", agentHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        Assert.Contains("id=\"reason-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("Give the reason for the change.", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Routing overridden", after, StringComparison.Ordinal);
        Assert.Contains("Priority: 1 → 3", after, StringComparison.Ordinal);
        Assert.Contains("Tenant reports heat restored in most units.", after, StringComparison.Ordinal);
        Assert.Contains("Overrides the automated routing decision", after, StringComparison.Ordinal);
        Assert.Contains(
            "Enrutada a HPD (cola main) / prioridad 1 por nyc.demo.routing 2025.1", spanish, StringComparison.Ordinal);
        Assert.Contains("Sin calefacción o agua caliente donde vive gente", spanish, StringComparison.Ordinal);
        Assert.Contains(
            "Departamento que atiende la solicitud: Calefacción o agua caliente: HPD", spanish,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Heat or hot water: HPD", spanish, StringComparison.Ordinal);
        Assert.Contains(
            "Department that handles the request: Heat or hot water: HPD", html, StringComparison.Ordinal);
        Assert.Contains("Prioridad: 1 → 3", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuePage_ShowsAPriorityColumnAndFiltersByPriority()
    {
        (string supervisor, _) = await AddUserAsync(app, StaffRole.Supervisor, "DOT");
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        Guid signal = await PostOpen311Async(key, "traffic-signal-condition", "Controller", null);
        Guid pothole = await PostOpen311Async(key, "street-condition", "Pothole", null);
        HttpClient client = await SignInAsync(app, supervisor);

        string urgent = await GetHtmlAsync(client, "/staff?priority=1&sort=priority&direction=asc&page_size=100");

        Assert.Contains("<th scope=\"col\">Priority</th>", urgent, StringComparison.Ordinal);
        Assert.Contains($"/staff/cases/{signal}", urgent, StringComparison.Ordinal);
        Assert.DoesNotContain($"/staff/cases/{pothole}", urgent, StringComparison.Ordinal);
        Assert.Contains("<option value=\"1\" selected", urgent, StringComparison.Ordinal);
    }

    private async Task<Guid> PostOpen311Async(IssuedApiKey key, string service, string descriptor, string? place)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("api_key", key.Key), new("jurisdiction_id", "nyc.gov"), new("service_code", service),
            new("lat", "40.7128"), new("long", "-74.0060"), new("attribute[descriptor]", descriptor),
            new("description", "Routing test."),
        ];
        if (place is not null)
        {
            form.Add(new("attribute[location_type]", place));
        }

        using HttpClient client = app.CreateClient();
        Open311Answer answer = await Open311Http.PostFormAsync(client, "/open311/v2/requests.json", form);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        string reference = answer.Json()[0].GetProperty("service_request_id").GetString()!;
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        return await db.Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync(Ct);
    }

    private static async Task<string?> FieldAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("field").GetString();
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string? ifMatch,
        string body)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }
}

public sealed class RoutingTestsSqlite(WorkspaceSqliteApp app) : RoutingTests(app), IClassFixture<WorkspaceSqliteApp>;

public sealed class RoutingTestsPostgres(WorkspacePostgresApp app) : RoutingTests(app),
    IClassFixture<WorkspacePostgresApp>;
