using System.Net;
using System.Text.RegularExpressions;
using CivicDesk.Core.Identity;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// An unknown workspace address answers 404 with a page in the workspace layout, in the reader's language,
/// with a way back to the queue; a case the user may not see answers exactly like one that does not exist.
/// </summary>
public abstract partial class WorkspaceNotFoundTests(WorkspaceApp app)
{
    [Theory]
    [InlineData("/staff/nope", "en", "Page not found", "Back to the queue")]
    [InlineData("/staff/cases/999999", "en", "Page not found", "Back to the queue")]
    [InlineData("/staff/cases/not-a-case/photos/1", "en", "Page not found", "Back to the queue")]
    [InlineData("/staff/not-found", "en", "Page not found", "Back to the queue")]
    [InlineData("/staff/nope", "es", "Página no encontrada", "Volver a la cola")]
    public async Task UnknownWorkspaceAddress_SignedIn_Answers404WithALocalisedPageInTheWorkspaceLayout(
        string path,
        string culture,
        string title,
        string back)
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage response = await client.GetAsync(
            new Uri($"{path}?culture={culture}", UriKind.Relative), Ct);
        string html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{culture}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{title} · CivicDesk</title>", html, StringComparison.Ordinal);
        Assert.Matches($"<a class=\"usa-link\" href=\"/staff\">{back}</a>", html);
        Assert.Contains("class=\"civicdesk-staff-nav", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownWorkspaceAddress_SignedOut_RedirectsToSignInWithoutSayingItIsUnknown()
    {
        HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri("/staff/nope", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task CaseOutsideTheScope_AnswersExactlyLikeAMissingCase()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid dotCase, string dotReference) =
            await AddCaseAsync(app, "street-condition", Instant.FromUtc(2019, 8, 1, 12, 0));
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage hidden = await client.GetAsync(new Uri($"/staff/cases/{dotCase}", UriKind.Relative), Ct);
        HttpResponseMessage missing = await client.GetAsync(
            new Uri($"/staff/cases/{Guid.CreateVersion7()}", UriKind.Relative), Ct);
        string hiddenMain = MainOf(await hidden.Content.ReadAsStringAsync(Ct));
        string missingMain = MainOf(await missing.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotEmpty(hiddenMain);
        Assert.Equal(missingMain, hiddenMain);
        Assert.Contains("<h1>Page not found</h1>", hiddenMain, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff\"", hiddenMain, StringComparison.Ordinal);
        Assert.DoesNotContain(dotReference, hiddenMain, StringComparison.Ordinal);
    }

    /// <summary>The page's main content, without the per-request antiforgery token of the layout.</summary>
    private static string MainOf(string html) =>
        AntiforgeryValue().Replace(MainContent().Match(html).Groups[1].Value, "value=\"\"");

    [GeneratedRegex("<main[^>]*>(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainContent();

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}

public sealed class WorkspaceNotFoundTestsSqlite(WorkspaceSqliteApp app) : WorkspaceNotFoundTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class WorkspaceNotFoundTestsPostgres(WorkspacePostgresApp app) : WorkspaceNotFoundTests(app),
    IClassFixture<WorkspacePostgresApp>;
