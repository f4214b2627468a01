using System.Net;
using System.Text;
using System.Text.Json;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

public abstract class StaffApiTests(WorkspaceApp app)
{
    [Fact]
    public async Task Cases_AgentOfHpd_ListsAndReadsOnlyHpdCases()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid hpdId, _) = await AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2018, 2, 1, 12, 0));
        (Guid dotId, _) = await AddCaseAsync(app, "street-condition", Instant.FromUtc(2018, 2, 1, 12, 0));
        HttpClient client = await SignInAsync(app, agent);

        JsonElement list = await JsonAsync(client, "/api/v1/cases?created_from=2018-02-01&created_to=2018-02-01");
        HttpResponseMessage dot = await client.GetAsync(new Uri($"/api/v1/cases/{dotId}", UriKind.Relative), Ct);
        HttpResponseMessage hpd = await client.GetAsync(new Uri($"/api/v1/cases/{hpdId}", UriKind.Relative), Ct);

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(hpdId, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, dot.StatusCode);
        Assert.Equal("application/problem+json", dot.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, hpd.StatusCode);
        Assert.Equal("\"1\"", hpd.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Changes_WithoutOrWithStaleIfMatch_Answer428And412WithTheCurrentValues()
    {
        (string agent, Guid agentId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2018, 3, 1, 12, 0));
        HttpClient client = await SignInAsync(app, agent);
        string cases = $"/api/v1/cases/{caseId}";

        HttpResponseMessage missing = await PostJsonAsync(client, cases + "/notes", null, """{"text":"Called."}""");
        HttpResponseMessage assigned = await PostJsonAsync(
            client, cases + "/assignment", "\"1\"", $$"""{"assignee_id":"{{agentId}}"}""");
        const string Close = """{"status":"closed","note":"Done."}""";
        await SetPriorityAsync(caseId, 2);
        HttpResponseMessage stale = await PostJsonAsync(client, cases + "/status", "\"1\"", Close);
        JsonElement problem = await ReadJsonAsync(stale);
        JsonElement values = problem.GetProperty("currentValues");
        HttpResponseMessage current = await PostJsonAsync(client, cases + "/status", "\"2\"", Close);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("\"2\"", assigned.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal(agentId.ToString(), problem.GetProperty("currentValues").GetProperty("assignee_id").GetString());
        Assert.Equal("new", problem.GetProperty("currentValues").GetProperty("status").GetString());
        Assert.Equal(2, values.GetProperty("priority").GetInt32());
        Assert.Equal(JsonValueKind.Null, values.GetProperty("status_note").ValueKind);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", values.GetProperty("updated_at").GetString());
        Assert.True(Guid.TryParse(values.GetProperty("queue_id").GetString(), out _));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        JsonElement after = await JsonAsync(client, cases);
        Assert.Equal("closed", after.GetProperty("status").GetString());
        Assert.Equal(3, after.GetProperty("timeline").GetArrayLength());
    }

    [Theory]
    [InlineData("/notes", "{\"text\": ", "body")]
    [InlineData("/notes", "[1, 2]", "body")]
    [InlineData("/notes", "{\"text\": 42}", "text")]
    [InlineData("/notes", "{\"text\": \"x\", \"visibility\": \"everyone\"}", "visibility")]
    [InlineData("/notes", "{\"text\": \"x\", \"colour\": \"red\"}", "colour")]
    [InlineData("/status", "{\"status\": \"finished\"}", "status")]
    [InlineData("/status", "{}", "status")]
    [InlineData("/assignment", "{\"assignee_id\": \"not-a-uuid\"}", "assignee_id")]
    [InlineData("/assignment", "{}", "assignee_id")]
    [InlineData("/notes", "{\"text\": \"half \\ud800 a pair\"}", "text")]
    [InlineData("/notes", "{\"\\udc00\": \"x\"}", "body")]
    [InlineData("/status", "{\"status\": \"open\", \"fields\": {\"x\\ud800\": \"y\"}}", "fields")]
    [InlineData("/notes", "{\"text\": \"a NUL \\u0000 inside\"}", "text")]
    [InlineData("/status", "{\"status\": \"open\", \"note\": \"bell \\u0007\"}", "note")]
    public async Task Changes_MalformedBody_Answer400NamingTheField(string action, string body, string field)
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2018, 4, 1, 12, 0));
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage response = await PostJsonAsync(client, $"/api/v1/cases/{caseId}{action}", "\"1\"", body);
        JsonElement problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e
            => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task CasesList_BadQueryAndBadIfMatch_Answer400NamingTheField()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2018, 5, 1, 12, 0));
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage list = await client.GetAsync(
            new Uri("/api/v1/cases?page_size=1000&status=gone", UriKind.Relative), Ct);
        HttpResponseMessage ifMatch = await PostJsonAsync(
            client, $"/api/v1/cases/{caseId}/notes", "\"abc\"", """{"text":"x"}""");

        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.Equal(
            ["page_size", "status"],
            (await ReadJsonAsync(list)).GetProperty("errors").EnumerateArray().Select(e
                => e.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, ifMatch.StatusCode);
        Assert.Equal("If-Match",
            (await ReadJsonAsync(ifMatch)).GetProperty("errors")[0].GetProperty("field").GetString());
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

    /// <summary>A priority as the routing policy would set it, without a new version.</summary>
    private async Task SetPriorityAsync(Guid caseId, int priority)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Priority, priority), Ct);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }
}

public sealed class StaffApiTestsSqlite(WorkspaceSqliteApp app) : StaffApiTests(app), IClassFixture<WorkspaceSqliteApp>;

public sealed class StaffApiTestsPostgres(WorkspacePostgresApp app) : StaffApiTests(app),
    IClassFixture<WorkspacePostgresApp>;
