using System.Net;
using System.Text.RegularExpressions;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

public abstract class SignInTests(WorkspaceApp app)
{
    [Fact]
    public async Task FirstStart_NoStaffUser_PrintsOneLineWhoseOneTimePasswordSignsInToThePasswordPage()
    {
        app.RequireDatabase();
        string[] lines = app.ConsoleText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string line = Assert.Single(lines, l => l.Contains("one-time password", StringComparison.Ordinal));
        Assert.Contains("/staff/sign-in", line, StringComparison.Ordinal);
        string password = Regex.Match(line, "one-time password ([A-Za-z0-9]+)").Groups[1].Value;

        HttpClient client = app.CreateClient();
        HttpResponseMessage signIn = await PostFormAsync(
            client, "/staff/sign-in", "sign-in", ("Form.UserName", "admin"), ("Form.Password", password));
        HttpResponseMessage queue = await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct);

        Assert.Equal("/staff/password", signIn.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.EndsWith(
            "/staff/password?returnUrl=%2Fstaff", queue.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        StaffUser admin = await db.StaffUsers.SingleAsync(u => u.UserName == "admin", Ct);
        Assert.Equal((StaffRole.Administrator, true), (admin.Role, admin.MustChangePassword));
    }

    [Fact]
    public async Task SignIn_WrongThenRightPassword_RefusesGenericallyThenOpensTheQueue()
    {
        (string userName, Guid id) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = app.CreateClient();

        HttpResponseMessage wrong = await PostFormAsync(
            client, "/staff/sign-in", "sign-in", ("Form.UserName", userName), ("Form.Password", "not the password"));
        string wrongHtml = await wrong.Content.ReadAsStringAsync(Ct);
        HttpResponseMessage unknown = await PostFormAsync(
            client, "/staff/sign-in", "sign-in", ("Form.UserName", "nosuchuser"),
                ("Form.Password", "not the password"));
        HttpResponseMessage right = await PostFormAsync(
            client, "/staff/sign-in", "sign-in", ("Form.UserName", userName), ("Form.Password", Password));
        HttpResponseMessage queue = await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The user name or password is not right", wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("not the password", wrongHtml, StringComparison.Ordinal);
        Assert.Contains(userName, wrongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("/staff", right.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        List<AuditEntry> audits = await db.AuditEntries.Where(a => a.TargetId == id
            && a.Action.StartsWith("staff.sign_in"))
            .ToListAsync(Ct);
        Assert.Equal(["staff.sign_in.failed", "staff.sign_in.succeeded"],
            audits.Select(a => a.Action).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StaffPagesAndApi_WithoutSession_RedirectToSignInOrAnswer401()
    {
        HttpClient client = app.CreateClient();

        HttpResponseMessage page = await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct);
        HttpResponseMessage casePage = await client.GetAsync(
            new Uri($"/staff/cases/{Guid.NewGuid()}", UriKind.Relative), Ct);
        HttpResponseMessage api = await client.GetAsync(new Uri("/api/v1/cases", UriKind.Relative), Ct);

        Assert.Equal("/staff/sign-in", page.Headers.Location?.AbsolutePath);
        Assert.Equal("/staff/sign-in", casePage.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task SignOut_PostWithToken_EndsTheSession()
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, userName);
        string html = await GetHtmlAsync(client, "/staff");

        HttpResponseMessage withoutToken = await client.PostAsync(
            new Uri("/staff/sign-out", UriKind.Relative), new FormUrlEncodedContent([]), Ct);
        HttpResponseMessage signOut = await client.PostAsync(
            new Uri("/staff/sign-out", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", Token(html))]),
            Ct);
        HttpResponseMessage after = await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/staff/sign-in", after.Headers.Location?.AbsolutePath);
    }
}

public sealed class SignInTestsSqlite(WorkspaceSqliteApp app) : SignInTests(app), IClassFixture<WorkspaceSqliteApp>;

public sealed class SignInTestsPostgres(WorkspacePostgresApp app) : SignInTests(app),
    IClassFixture<WorkspacePostgresApp>;

public abstract class SignInRateLimitTests(WorkspaceApp app)
{
    [Fact]
    public async Task SignInPosts_OverTheLimitFromOneAddress_Answer429WithRetryAfter()
    {
        HttpClient client = app.CreateClient();
        string token = Token(await GetHtmlAsync(client, "/staff/sign-in"));
        List<HttpStatusCode> codes = [];
        HttpResponseMessage? last = null;
        for (int i = 0; i < 4; i++)
        {
            last = await PostWithTokenAsync(
                client, "/staff/sign-in", token, "sign-in", ("Form.UserName", "nobody"),
                    ("Form.Password", "wrong guess"));
            codes.Add(last.StatusCode);
        }

        HttpResponseMessage page = await client.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), Ct);

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest,
                HttpStatusCode.TooManyRequests], codes);
        Assert.True(
            int.Parse(last!.Headers.GetValues("Retry-After").Single(),
                System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

public sealed class SignInRateLimitTestsSqlite(LimitedSqliteApp app) : SignInRateLimitTests(app),
    IClassFixture<LimitedSqliteApp>;

public sealed class SignInRateLimitTestsPostgres(LimitedPostgresApp app) : SignInRateLimitTests(app),
    IClassFixture<LimitedPostgresApp>;
