using System.Net;
using System.Text;
using System.Text.Json;
using CivicDesk.Core.Identity;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// Changes through the staff API apply only with exactly the strong ETag the client read, and only from a
/// JSON body that says each field once.
/// </summary>
public abstract class StaffApiPreconditionTests(WorkspaceApp app)
{
    private const string Close = """{"status":"closed","note":"Done."}""";

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("\"2\", \"1\"")]
    [InlineData("*")]
    public async Task Change_IfMatchThatIsNotExactlyTheStrongETag_Answers412WithTheCurrentValues(string ifMatch)
    {
        (HttpClient client, string cases) = await CaseAsync();

        HttpResponseMessage response = await PostJsonAsync(client, cases + "/status", ifMatch, Close);
        JsonElement problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/edit-conflict", problem.GetProperty("type").GetString());
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("new", await StatusAsync(client, cases));
    }

    [Theory]
    [InlineData("\"01\"")]
    [InlineData("\"1\"x")]
    [InlineData("x\"1\"")]
    [InlineData("1")]
    [InlineData("\"\"1\"\"")]
    [InlineData("\"99999999999\"")]
    public async Task Change_IfMatchThatIsNoETagOfThisApi_Answers400NamingIfMatch(string ifMatch)
    {
        (HttpClient client, string cases) = await CaseAsync();

        HttpResponseMessage response = await PostJsonAsync(client, cases + "/status", ifMatch, Close);
        JsonElement problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("If-Match", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("new", await StatusAsync(client, cases));
    }

    [Fact]
    public async Task Change_ExactStrongETag_Applies()
    {
        (HttpClient client, string cases) = await CaseAsync();

        HttpResponseMessage response = await PostJsonAsync(client, cases + "/status", " \"1\" ", Close);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("closed", await StatusAsync(client, cases));
    }

    [Theory]
    [InlineData("/status", """{"status":"open","status":"closed"}""", "status")]
    [InlineData("/notes", """{"text":"Called.","visibility":"internal","text":"Called twice."}""", "text")]
    [InlineData("/assignment", """{"assignee_id":null,"assignee_id":null}""", "assignee_id")]
    [InlineData("/notes", """{"text":"x","extra":{"a":1,"a":2}}""", "extra.a")]
    public async Task Change_BodyWithADuplicateProperty_Answers400NamingItAndChangesNothing(
        string action,
        string body,
        string field)
    {
        (HttpClient client, string cases) = await CaseAsync();

        HttpResponseMessage response = await PostJsonAsync(client, cases + action, "\"1\"", body);
        JsonElement problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal((field, "duplicate"),
            (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        JsonElement after = await JsonAsync(client, cases);
        Assert.Equal(1, after.GetProperty("version").GetInt32());
    }

    private async Task<(HttpClient Client, string Cases)> CaseAsync()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2018, 6, 1, 12, 0));
        HttpClient client = await SignInAsync(app, agent);
        return (client, $"/api/v1/cases/{caseId}");
    }

    private static async Task<string?> StatusAsync(HttpClient client, string cases) =>
        (await JsonAsync(client, cases)).GetProperty("status").GetString();

    private static async Task<HttpResponseMessage> PostJsonAsync(
        HttpClient client,
        string path,
        string ifMatch,
        string body)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
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

public sealed class StaffApiPreconditionTestsSqlite(WorkspaceSqliteApp app) : StaffApiPreconditionTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class StaffApiPreconditionTestsPostgres(WorkspacePostgresApp app) : StaffApiPreconditionTests(app),
    IClassFixture<WorkspacePostgresApp>;
