using System.Net;
using System.Text.Json;
using CivicDesk.Core.Identity;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// HEAD on a staff API route that reads answers what GET would, without the body; the sign-in and unknown
/// address answers stay as they are for GET.
/// </summary>
public abstract class StaffApiHeadTests(WorkspaceApp app)
{
    [Fact]
    public async Task Head_OnTheCaseListSignedIn_AnswersLikeGetWithoutABody()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);
        const string Path = "/api/v1/cases?created_from=2018-04-01&created_to=2018-04-01";

        HttpResponseMessage get = await SendAsync(client, HttpMethod.Get, Path);
        HttpResponseMessage head = await SendAsync(client, HttpMethod.Head, Path);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync(Ct));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Head_OnACaseSignedIn_AnswersItsETagWithoutABody()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2018, 4, 2, 12, 0));
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage head = await SendAsync(client, HttpMethod.Head, $"/api/v1/cases/{caseId}");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("\"1\"", head.Headers.ETag?.Tag);
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Head_OnAnUnseenCaseSignedIn_Answers404LikeGet()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "street-condition", Instant.FromUtc(2018, 4, 3, 12, 0));
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage head = await SendAsync(client, HttpMethod.Head, $"/api/v1/cases/{caseId}");

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal("application/problem+json", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("/api/v1/cases", HttpStatusCode.Unauthorized, false)]
    [InlineData("/api/v1/me/settings", HttpStatusCode.Unauthorized, false)]
    [InlineData("/api/v1/nonexistent", HttpStatusCode.NotFound, true)]
    [InlineData("/api/v1/cases/0190a5b6-1c2d-7e3f-8a9b-0c1d2e3f4a5b/status", HttpStatusCode.MethodNotAllowed, true)]
    public async Task Head_SignedOutOrOnNoReadRoute_AnswersLikeBefore(string path, HttpStatusCode status, bool signIn)
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = signIn ? await SignInAsync(app, agent) : app.CreateClient();

        HttpResponseMessage head = await SendAsync(client, HttpMethod.Head, path);

        Assert.Equal(status, head.StatusCode);
    }

    [Fact]
    public async Task OpenApiDescription_ListsGetButNotTheHeadTwinOfEachReadRoute()
    {
        using HttpClient client = app.CreateClient();

        using JsonDocument document = JsonDocument.Parse(
            await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        JsonElement cases = document.RootElement.GetProperty("paths").GetProperty("/api/v1/cases");

        Assert.True(cases.TryGetProperty("get", out _));
        Assert.DoesNotContain(
            document.RootElement.GetProperty("paths").EnumerateObject(),
            path => path.Value.TryGetProperty("head", out _));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative));
        return await client.SendAsync(request, Ct);
    }
}

public sealed class StaffApiHeadTestsSqlite(WorkspaceSqliteApp app) : StaffApiHeadTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class StaffApiHeadTestsPostgres(WorkspacePostgresApp app) : StaffApiHeadTests(app),
    IClassFixture<WorkspacePostgresApp>;
