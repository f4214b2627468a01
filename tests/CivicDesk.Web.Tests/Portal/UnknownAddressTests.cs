using System.Net;
using System.Text.Json;
using CivicDesk.Core.Identity;
using CivicDesk.Web.Tests.Workspace;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Portal;

/// <summary>
/// An address that matches nothing: public ones answer the portal's own 404 page, the workspace still asks
/// for sign-in, the staff API answers the product's problem details.
/// </summary>
public abstract class UnknownAddressTests(WorkspaceApp app)
{
    [Theory]
    [InlineData("/nonexistent", "en", "We could not find this page", "Report a problem")]
    [InlineData("/portal/nonexistent", "en", "We could not find this page", "Report a problem")]
    [InlineData("/old-site/page.php", "en", "We could not find this page", "Report a problem")]
    [InlineData("/nonexistent", "es", "No encontramos esta página", "Reportar un problema")]
    public async Task UnknownPublicAddress_SignedOut_Answers404WithTheLocalisedPortalPage(
        string path,
        string culture,
        string heading,
        string report)
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(
            new Uri($"{path}?culture={culture}", UriKind.Relative), Ct);
        string html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{culture}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"usa-link\" href=\"/services\">{report}</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"css/portal.css\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/staff/sign-in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RobotsTxt_AllowsThePortalAndDisallowsTheWorkspaceAndTheApis()
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri("/robots.txt", UriKind.Relative), Ct);
        string[] lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.TrimEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /staff", lines);
        Assert.Contains("Disallow: /api/", lines);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/css/portal.css", "text/css")]
    [InlineData("/lib/uswds/css/uswds.min.css", "text/css")]
    public async Task StaticFile_SignedOut_IsServedNotTakenByTheUnknownAddressPage(string path, string mediaType)
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/cases")]
    [InlineData("/api/v1/nonexistent")]
    public async Task StaffApi_SignedOut_Answers401WithTheProductsProblemType(string path)
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        JsonElement problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/problems/unauthenticated", problem.GetProperty("type").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/cases/not-a-guid")]
    [InlineData("/api/v1/cases/12345/status")]
    public async Task StaffApi_CaseIdNotAUuid_Answers400NamingTheIdField(string path)
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        JsonElement problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/problems/validation", problem.GetProperty("type").GetString());
        JsonElement error = Assert.Single(problem.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal("id", error.GetProperty("field").GetString());
        Assert.Equal("malformed", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task StaffApi_UnknownAddressSignedIn_Answers404NotFoundProblem()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage response = await client.GetAsync(new Uri("/api/v1/nonexistent", UriKind.Relative), Ct);
        JsonElement problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/problems/not-found", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/cases/0190a5b6-1c2d-7e3f-8a9b-0c1d2e3f4a5b", "GET, HEAD")]
    [InlineData("PUT", "/api/v1/cases", "GET, HEAD")]
    [InlineData("GET", "/api/v1/cases/0190a5b6-1c2d-7e3f-8a9b-0c1d2e3f4a5b/status", "POST")]
    [InlineData("POST", "/api/v1/me/settings", "GET, HEAD, PUT")]
    [InlineData("PATCH", "/api/v1/me/settings", "GET, HEAD, PUT")]
    public async Task StaffApi_WrongMethodOnAKnownRoute_Answers405WithAllowAndTheProblemType(
        string method,
        string path,
        string allow)
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);

        using HttpRequestMessage request = new(new HttpMethod(method), new Uri(path, UriKind.Relative));
        HttpResponseMessage response = await client.SendAsync(request, Ct);
        JsonElement problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("/problems/method-not-allowed", problem.GetProperty("type").GetString());
        Assert.Equal(405, problem.GetProperty("status").GetInt32());
        Assert.Contains(method, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/nonexistent")]
    [InlineData("POST", "/api/v1/cases/0190a5b6-1c2d-7e3f-8a9b-0c1d2e3f4a5b/unknown")]
    public async Task StaffApi_AnyMethodOnAnUnknownAddress_StillAnswers404(string method, string path)
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);

        using HttpRequestMessage request = new(new HttpMethod(method), new Uri(path, UriKind.Relative));
        HttpResponseMessage response = await client.SendAsync(request, Ct);
        JsonElement problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/problems/not-found", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task StaffApi_WrongMethodSignedOut_Answers401BeforeSayingWhichMethodsExist()
    {
        using HttpClient client = app.CreateClient();

        using HttpRequestMessage request = new(HttpMethod.Delete, new Uri("/api/v1/me/settings", UriKind.Relative));
        HttpResponseMessage response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Content.Headers.Allow);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }
}

public sealed class UnknownAddressTestsSqlite(WorkspaceSqliteApp app) : UnknownAddressTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class UnknownAddressTestsPostgres(WorkspacePostgresApp app) : UnknownAddressTests(app),
    IClassFixture<WorkspacePostgresApp>;
