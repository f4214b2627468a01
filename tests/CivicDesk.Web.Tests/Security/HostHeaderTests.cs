using System.Net;
using CivicDesk.Core.Identity;
using CivicDesk.Testing;
using CivicDesk.Web.Tests.Workspace;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Security;

/// <summary>
/// Absolute URLs the product writes (Open311 discovery, the OpenAPI servers, redirects, links in pages)
/// come from the configured <c>PublicBaseUrl</c>, never from the Host header a client sends. The fake host
/// is only written into the test's request headers; nothing contacts it.
/// </summary>
public abstract class HostHeaderTests(WorkspaceApp app)
{
    private const string Attacker = "evil.example";

    [Theory]
    [InlineData("/open311/v2/discovery.json")]
    [InlineData("/open311/v2/discovery.xml")]
    [InlineData("/open311/v2/services.json")]
    [InlineData("/open311/v2/requests.xml")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/")]
    [InlineData("/services")]
    [InlineData("/track")]
    [InlineData("/staff")]
    [InlineData("/staff/cases/0193c0de-0000-7000-8000-000000000000")]
    [InlineData("/staff/sign-in")]
    [InlineData("/culture/es?returnUrl=%2Fservices")]
    [InlineData("/no/such/page")]
    public async Task Get_WithAForeignHostHeader_WritesNoUrlWithThatHost(string path)
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await SendAsync(client, HttpMethod.Get, path);

        await AssertNoAttackerHostAsync(response);
    }

    [Fact]
    public async Task Discovery_WithAForeignHostHeader_NamesTheConfiguredPublicUrl()
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await SendAsync(client, HttpMethod.Get, "/open311/v2/discovery.json");
        string body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"url\":\"http://localhost:5080/open311/v2\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPagesAndSignIn_WithAForeignHostHeader_RedirectOnlyToThePublicHost()
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = app.CreateClient();
        HttpResponseMessage page = await SendAsync(client, HttpMethod.Get, "/staff/sign-in");
        string token = Token(await page.Content.ReadAsStringAsync(Ct));

        FormUrlEncodedContent form = new(
        [
            new("__RequestVerificationToken", token), new("_handler", "sign-in"),
            new("Form.UserName", userName), new("Form.Password", Password),
        ]);
        HttpResponseMessage signIn = await SendAsync(client, HttpMethod.Post, "/staff/sign-in", form);
        HttpResponseMessage queue = await SendAsync(client, HttpMethod.Get, "/staff");
        HttpResponseMessage casePage = await SendAsync(client, HttpMethod.Get, $"/staff/cases/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await AssertNoAttackerHostAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        await AssertNoAttackerHostAsync(queue);
        await AssertNoAttackerHostAsync(casePage);
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        HttpMethod method,
        string path,
        HttpContent? content = null)
    {
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Host = Attacker;
        return await client.SendAsync(request, Ct);
    }

    private static async Task AssertNoAttackerHostAsync(HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode < 500, $"{response.StatusCode}");
        string headers = string.Join('\n', response.Headers.Concat(response.Content.Headers)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(Attacker, headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Attacker, body, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HostHeaderTestsSqlite(WorkspaceSqliteApp app) : HostHeaderTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class HostHeaderTestsPostgres(WorkspacePostgresApp app) : HostHeaderTests(app),
    IClassFixture<WorkspacePostgresApp>;
