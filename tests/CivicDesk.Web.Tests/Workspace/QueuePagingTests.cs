using System.Net;
using System.Text.RegularExpressions;
using CivicDesk.Core.Identity;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// The queue's pages: numbered links around the current page with the first and the last, the current one
/// marked for assistive technology, and a plain GET form that jumps to a page keeping every filter.
/// </summary>
public abstract partial class QueuePagingTests(WorkspaceApp app)
{
    private const string Filtered = "/staff?service=heat-hot-water&page_size=10";

    [Fact]
    public async Task Queue_SeveralPages_OffersNumberedLinksAndAJumpThatKeepsTheFilters()
    {
        HttpClient client = await SignedInWithCasesAsync();

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, Filtered + "&page=2"));
        int last = int.Parse(PageOf().Match(html).Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(last >= 5, $"Only {last} pages.");
        Assert.Matches("aria-label=\"Page 2\"\\s+aria-current=\"page\">2</a>", html);
        Assert.Contains("href=\"/staff?service=heat-hot-water&page_size=10&page=1#results\"", html,
            StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff?service=heat-hot-water&page_size=10&page={last}#results\"", html,
            StringComparison.Ordinal);
        Assert.Contains("usa-pagination__overflow", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, "usa-pagination__page-no"));
        Assert.Contains("<form class=\"usa-form civicdesk-page-jump\" method=\"get\" action=\"/staff#results\">", html,
            StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"service\" value=\"heat-hot-water\" />", html,
            StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"page_size\" value=\"10\" />", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"usa-label\" for=\"jump-page\">Go to page</label>", html,
            StringComparison.Ordinal);
        Assert.Matches($"id=\"jump-page\" name=\"page\" type=\"number\"[^>]*max=\"{last}\" value=\"2\"", html);
    }

    [Fact]
    public async Task Queue_JumpSubmittedWithoutJavaScript_OpensThatPageInSpanish()
    {
        HttpClient client = await SignedInWithCasesAsync();

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, Filtered + "&culture=es&page=3"));

        Assert.Matches("Página 3 de \\d+", html);
        Assert.Matches("aria-label=\"Página 3\"\\s+aria-current=\"page\">3</a>", html);
        Assert.Contains("for=\"jump-page\">Ir a la página</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Ir</button>", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInWithCasesAsync()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        for (int i = 0; i < 50; i++)
        {
            await AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2024, 1, 1, 12, 0) + Duration.FromMinutes(i));
        }

        return await SignInAsync(app, agent);
    }

    [GeneratedRegex(@"Page (\d+) of (\d+)")]
    private static partial Regex PageOf();
}

public sealed class QueuePagingTestsSqlite(WorkspaceSqliteApp app) : QueuePagingTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class QueuePagingTestsPostgres(WorkspacePostgresApp app) : QueuePagingTests(app),
    IClassFixture<WorkspacePostgresApp>;
