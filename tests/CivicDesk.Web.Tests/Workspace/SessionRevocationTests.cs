using System.Net;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.DeactivateStaffUser;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// A copied session cookie, replayed after the user signed out, changed the password or was deactivated,
/// must open nothing: the pages redirect to sign-in and the API answers 401.
/// </summary>
public abstract class SessionRevocationTests(WorkspaceApp app)
{
    private const string CookieName = "civicdesk.staff";

    [Fact]
    public async Task CopiedCookie_AfterSignOut_IsRefused()
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (HttpClient client, CookieContainer jar) = await SignInWithJarAsync(userName);
        string copied = SessionCookie(jar);
        await AssertOpensAsync(copied);
        string html = await GetHtmlAsync(client, "/staff");

        HttpResponseMessage signOut = await client.PostAsync(
            new Uri("/staff/sign-out", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", Token(html))]),
            Ct);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        await AssertRefusedAsync(copied);
    }

    [Fact]
    public async Task SignOut_InOneBrowser_EndsTheUsersOtherSessionsToo()
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (HttpClient laptop, _) = await SignInWithJarAsync(userName);
        (_, CookieContainer phoneJar) = await SignInWithJarAsync(userName);
        string phone = SessionCookie(phoneJar);
        string html = await GetHtmlAsync(laptop, "/staff");

        await laptop.PostAsync(
            new Uri("/staff/sign-out", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", Token(html))]),
            Ct);

        await AssertRefusedAsync(phone);
    }

    [Fact]
    public async Task CopiedCookie_AfterPasswordChange_IsRefusedWhileTheChangingBrowserStaysSignedIn()
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (HttpClient client, CookieContainer jar) = await SignInWithJarAsync(userName);
        string copied = SessionCookie(jar);

        HttpResponseMessage changed = await PostFormAsync(
            client, "/staff/password", "password", ("Form.CurrentPassword", Password),
            ("Form.NewPassword", "another long passphrase"), ("Form.ConfirmPassword", "another long passphrase"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await AssertRefusedAsync(copied);
        Assert.NotEqual(copied, SessionCookie(jar));
        await AssertOpensAsync(SessionCookie(jar));
    }

    [Fact]
    public async Task CopiedCookie_AfterDeactivation_IsRefused()
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        (_, CookieContainer jar) = await SignInWithJarAsync(userName);
        string copied = SessionCookie(jar);
        await AssertOpensAsync(copied);

        await using (AsyncServiceScope scope = app.CreateScope())
        {
            DeactivateStaffUserHandler handler = scope.ServiceProvider.GetRequiredService<DeactivateStaffUserHandler>();
            Result<bool> result = await handler.HandleAsync(new DeactivateStaffUser(userName), Actor.System, Ct);
            Assert.True(result.Value);
        }

        await AssertRefusedAsync(copied);
    }

    private async Task<(HttpClient Client, CookieContainer Jar)> SignInWithJarAsync(string userName)
    {
        app.RequireDatabase();
        CookieContainer jar = new();
        HttpClient client = app.Factory.CreateDefaultClient(new CookieContainerHandler(jar));
        HttpResponseMessage response = await PostFormAsync(
            client, "/staff/sign-in", "sign-in", ("Form.UserName", userName), ("Form.Password", Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, jar);
    }

    private static string SessionCookie(CookieContainer jar) =>
        jar.GetCookies(new Uri("http://localhost/")).Single(c => c.Name == CookieName).Value;

    private async Task AssertOpensAsync(string cookie)
    {
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie, "/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie, "/api/v1/cases")).StatusCode);
    }

    private async Task AssertRefusedAsync(string cookie)
    {
        HttpResponseMessage page = await ReplayAsync(cookie, "/staff");
        HttpResponseMessage api = await ReplayAsync(cookie, "/api/v1/cases");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/staff/sign-in", page.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    /// <summary>Sends the copied cookie from a client that keeps no cookies of its own.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string path)
    {
        using HttpClient stranger = app.Factory.CreateDefaultClient();
        using HttpRequestMessage request = new(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        return await stranger.SendAsync(request, Ct);
    }
}

public sealed class SessionRevocationTestsSqlite(WorkspaceSqliteApp app) : SessionRevocationTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class SessionRevocationTestsPostgres(WorkspacePostgresApp app) : SessionRevocationTests(app),
    IClassFixture<WorkspacePostgresApp>;
