using System.Net;
using System.Text.RegularExpressions;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.AddStaffUser;
using Microsoft.Extensions.DependencyInjection;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// The page a user asked for before signing in survives the forced change of a one-time password, and only
/// a path of this site is ever a place to return to.
/// </summary>
public abstract partial class SignInReturnTests(WorkspaceApp app)
{
    private const string NewPassword = "another long test passphrase";

    [Fact]
    public async Task OneTimePassword_SignInWithReturnUrl_ReturnsThereAfterTheForcedChange()
    {
        (string userName, string oneTime) = await AddOneTimeUserAsync();
        HttpClient client = app.CreateClient();

        HttpResponseMessage signIn = await SignInAsync(client, userName, oneTime, "/staff/settings?tab=1");
        string passwordPage = await GetHtmlAsync(client, Local(signIn));
        HttpResponseMessage changed = await ChangePasswordAsync(
            client, passwordPage, oneTime, WebUtility.HtmlDecode(HiddenValue(passwordPage, "Form.ReturnUrl")));
        HttpResponseMessage target = await client.GetAsync(changed.Headers.Location, Ct);

        Assert.Equal("/staff/password?returnUrl=%2Fstaff%2Fsettings%3Ftab%3D1", Local(signIn));
        Assert.Equal("/staff/settings?tab=1", Local(changed));
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
    }

    [Theory]
    [InlineData("//elsewhere.invalid/staff")]
    [InlineData("https://elsewhere.invalid/staff")]
    [InlineData("/\\elsewhere.invalid")]
    public async Task OneTimePassword_ReturnUrlOfAnotherSite_IsRefusedAtSignInAndAtTheChange(string elsewhere)
    {
        (string userName, string oneTime) = await AddOneTimeUserAsync();
        HttpClient client = app.CreateClient();

        HttpResponseMessage signIn = await SignInAsync(client, userName, oneTime, elsewhere);
        string passwordPage = await GetHtmlAsync(client, "/staff/password");
        HttpResponseMessage changed = await ChangePasswordAsync(client, passwordPage, oneTime, elsewhere);

        Assert.Equal("/staff/password", Local(signIn));
        Assert.Equal("/staff/password?changed=1", Local(changed));
    }

    [Fact]
    public async Task OneTimePassword_StaffPageOpenedDirectly_KeepsItAsTheReturnUrlThroughTheChange()
    {
        (string userName, string oneTime) = await AddOneTimeUserAsync();
        HttpClient client = app.CreateClient();
        await SignInAsync(client, userName, oneTime, string.Empty);

        HttpResponseMessage opened = await client.GetAsync(new Uri("/staff/settings?tab=1", UriKind.Relative), Ct);
        string passwordPage = await GetHtmlAsync(client, Local(opened));
        HttpResponseMessage changed = await ChangePasswordAsync(
            client, passwordPage, oneTime, WebUtility.HtmlDecode(HiddenValue(passwordPage, "Form.ReturnUrl")));

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/staff/password?returnUrl=%2Fstaff%2Fsettings%3Ftab%3D1", Local(opened));
        Assert.Equal("/staff/settings?tab=1", Local(changed));
    }

    [Theory]
    [InlineData("//elsewhere.invalid/staff")]
    [InlineData("https://elsewhere.invalid/staff")]
    [InlineData("/\\elsewhere.invalid")]
    public async Task OneTimePassword_PasswordPageOpenedWithAnotherSitesReturnUrl_StaysOnThisSite(string elsewhere)
    {
        (string userName, string oneTime) = await AddOneTimeUserAsync();
        HttpClient client = app.CreateClient();
        await SignInAsync(client, userName, oneTime, string.Empty);

        string passwordPage = await GetHtmlAsync(
            client, $"/staff/password?returnUrl={Uri.EscapeDataString(elsewhere)}");
        HttpResponseMessage changed = await ChangePasswordAsync(
            client, passwordPage, oneTime, WebUtility.HtmlDecode(HiddenValue(passwordPage, "Form.ReturnUrl")));

        Assert.Equal("/staff/password?changed=1", Local(changed));
    }

    [Theory]
    [InlineData("/staff/settings", "Your password was changed.")]
    [InlineData("/staff/settings?culture=es", "Su contraseña se ha cambiado.")]
    public async Task OneTimePassword_ChangedOnTheWayToAPage_ThatPageConfirmsItOnceWithFocusOnIt(
        string returnUrl,
        string notice)
    {
        (string userName, string oneTime) = await AddOneTimeUserAsync();
        HttpClient client = app.CreateClient();
        await SignInAsync(client, userName, oneTime, returnUrl);

        string passwordPage = await GetHtmlAsync(
            client, $"/staff/password?returnUrl={Uri.EscapeDataString(returnUrl)}");
        HttpResponseMessage changed = await ChangePasswordAsync(client, passwordPage, oneTime, returnUrl);
        string landed = WebUtility.HtmlDecode(await GetHtmlAsync(client, Local(changed)));
        string again = WebUtility.HtmlDecode(await GetHtmlAsync(client, Local(changed)));

        Assert.Equal(returnUrl, Local(changed));
        Match alert = SuccessAlert().Match(landed);
        Assert.True(alert.Success, "The page has no success alert with role=status that takes focus on load.");
        Assert.Equal(notice, alert.Groups["text"].Value);
        Assert.DoesNotContain(notice, again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_SignedOut_HasNoEmptyNavigationLandmark()
    {
        HttpClient client = app.CreateClient();

        string html = await GetHtmlAsync(client, "/staff/sign-in");

        Assert.DoesNotMatch(EmptyNav(), html);
        Assert.DoesNotContain("civicdesk-staff-nav", html, StringComparison.Ordinal);
    }

    /// <summary>The redirect's path and query, after checking that it stays on this site.</summary>
    private static string Local(HttpResponseMessage redirect)
    {
        Uri location = redirect.Headers.Location!;
        if (location.IsAbsoluteUri)
        {
            Assert.Equal("localhost", location.Host);
            return location.PathAndQuery;
        }

        return location.OriginalString;
    }

    private static async Task<HttpResponseMessage> SignInAsync(
        HttpClient client,
        string userName,
        string password,
        string returnUrl)
    {
        HttpResponseMessage response = await PostFormAsync(
            client, "/staff/sign-in", "sign-in", ("Form.UserName", userName), ("Form.Password", password),
            ("Form.ReturnUrl", returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(
        HttpClient client,
        string passwordPage,
        string current,
        string returnUrl)
    {
        HttpResponseMessage response = await PostWithTokenAsync(
            client, "/staff/password", Token(passwordPage), "password", ("Form.CurrentPassword", current),
            ("Form.NewPassword", NewPassword), ("Form.ConfirmPassword", NewPassword), ("Form.ReturnUrl", returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private async Task<(string UserName, string OneTimePassword)> AddOneTimeUserAsync()
    {
        string userName = $"u{Guid.NewGuid():N}"[..12];
        await using AsyncServiceScope scope = app.CreateScope();
        AddStaffUserHandler handler = scope.ServiceProvider.GetRequiredService<AddStaffUserHandler>();
        Result<StaffUserAdded> added = await handler.HandleAsync(
            new AddStaffUser(userName, "One Time", StaffRole.Agent, ["HPD"], null, null), Actor.System, Ct);
        Assert.True(added.IsSuccess, added.Error?.ToString());
        return (userName, added.Value.OneTimePassword!);
    }

    [GeneratedRegex(
        @"<div class=""usa-alert usa-alert--success[^""]*"" role=""status"" tabindex=""-1"" autofocus>\s*"
        + @"<div class=""usa-alert__body"">\s*"
        + @"<p class=""usa-alert__text"">(?<text>[^<]+)</p>")]
    private static partial Regex SuccessAlert();

    [GeneratedRegex(@"<nav[^>]*>\s*</nav>")]
    private static partial Regex EmptyNav();
}

public sealed class SignInReturnTestsSqlite(WorkspaceSqliteApp app) : SignInReturnTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class SignInReturnTestsPostgres(WorkspacePostgresApp app) : SignInReturnTests(app),
    IClassFixture<WorkspacePostgresApp>;
