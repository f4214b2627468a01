using System.Net;
using System.Text.RegularExpressions;
using CivicDesk.Core.Identity;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>The change-password page cannot be used to guess the current password faster than sign-in.</summary>
public abstract class PasswordLockoutTests(WorkspaceApp app)
{
    [Fact]
    public async Task PasswordPage_FiveWrongCurrentPasswords_LocksTheAccountForChangeAndSignIn()
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, userName);
        for (int i = 0; i < 5; i++)
        {
            HttpResponseMessage wrong = await ChangeAsync(client, $"a wrong guess {i}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        HttpResponseMessage locked = await ChangeAsync(client, Password);
        string html = await locked.Content.ReadAsStringAsync(Ct);
        HttpResponseMessage signIn = await PostFormAsync(
            app.CreateClient(), "/staff/sign-in", "sign-in", ("Form.UserName", userName), ("Form.Password", Password));

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("The account is locked for a while", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    internal static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current) =>
        PostFormAsync(client, "/staff/password", "password", ("Form.CurrentPassword", current),
            ("Form.NewPassword", "another long passphrase"), ("Form.ConfirmPassword", "another long passphrase"));
}

public sealed class PasswordLockoutTestsSqlite(WorkspaceSqliteApp app) : PasswordLockoutTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class PasswordLockoutTestsPostgres(WorkspacePostgresApp app) : PasswordLockoutTests(app),
    IClassFixture<WorkspacePostgresApp>;

/// <summary>Password-change POSTs share the sign-in rate limit of the client address (3 here).</summary>
public abstract class PasswordRateLimitTests(WorkspaceApp app)
{
    [Fact]
    public async Task PasswordPosts_AfterSignIn_CountTowardTheSignInLimit()
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, userName);

        HttpResponseMessage first = await PasswordLockoutTests.ChangeAsync(client, "a wrong guess");
        HttpResponseMessage second = await PasswordLockoutTests.ChangeAsync(client, "another wrong guess");
        HttpResponseMessage third = await PasswordLockoutTests.ChangeAsync(client, "a third wrong guess");
        HttpResponseMessage signIn = await PostFormAsync(
            app.CreateClient(), "/staff/sign-in", "sign-in", ("Form.UserName", userName), ("Form.Password", Password));

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests,
                HttpStatusCode.TooManyRequests],
            [first.StatusCode, second.StatusCode, third.StatusCode, signIn.StatusCode]);
        Assert.True(third.Headers.Contains("Retry-After"));
    }
}

public sealed class PasswordRateLimitTestsSqlite(LimitedSqliteApp app) : PasswordRateLimitTests(app),
    IClassFixture<LimitedSqliteApp>;

public sealed class PasswordRateLimitTestsPostgres(LimitedPostgresApp app) : PasswordRateLimitTests(app),
    IClassFixture<LimitedPostgresApp>;

/// <summary>
/// The change-password page, which is also the first administrator's first step, refuses weak passwords.
/// </summary>
public abstract class WeakPasswordPageTests(WorkspaceApp app)
{
    [Theory]
    [InlineData("P@ssw0rd2024!", "en", "common password words")]
    [InlineData("123456789012", "en", "repeated or sequential run")]
    [InlineData("Welcome2024!!", "es", "palabras de contraseña comunes")]
    public async Task PasswordPage_WeakNewPassword_Answers400WithTheReasonAndKeepsTheOldPassword(
        string weak,
        string culture,
        string expected)
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, userName);

        HttpResponseMessage response = await PostFormAsync(
            client, $"/staff/password?culture={culture}", "password", ("Form.CurrentPassword", Password),
            ("Form.NewPassword", weak), ("Form.ConfirmPassword", weak));
        string html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("id=\"new_password-error\"", html, StringComparison.Ordinal);
        await SignInAsync(app, userName);
    }

    [Fact]
    public async Task FirstAdministrator_ReplacingTheOneTimePasswordWithACommonOne_IsRefused()
    {
        app.RequireDatabase();
        string oneTime = Regex.Match(app.ConsoleText, "one-time password ([A-Za-z0-9]+)").Groups[1].Value;
        HttpClient client = await SignInAsync(app, "admin", oneTime);

        HttpResponseMessage response = await PostFormAsync(
            client, "/staff/password", "password", ("Form.CurrentPassword", oneTime),
            ("Form.NewPassword", "Welcome#2025!"), ("Form.ConfirmPassword", "Welcome#2025!"));
        HttpResponseMessage queue = await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.EndsWith(
            "/staff/password?returnUrl=%2Fstaff", queue.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordPage_NewPasswordWithTheUserName_IsRefused()
    {
        (string userName, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, userName);
        string withName = $"I am {userName} today";

        HttpResponseMessage response = await PostFormAsync(
            client, "/staff/password", "password", ("Form.CurrentPassword", Password),
            ("Form.NewPassword", withName), ("Form.ConfirmPassword", withName));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("may not contain your user name", await response.Content.ReadAsStringAsync(Ct),
            StringComparison.Ordinal);
    }
}

public sealed class WeakPasswordPageTestsSqlite(WorkspaceSqliteApp app) : WeakPasswordPageTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class WeakPasswordPageTestsPostgres(WorkspacePostgresApp app) : WeakPasswordPageTests(app),
    IClassFixture<WorkspacePostgresApp>;
