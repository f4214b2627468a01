using System.Net;
using System.Text.RegularExpressions;
using CivicDesk.Testing;

namespace CivicDesk.Web.Tests.Portal;

/// <summary>
/// A link to a place on the same page (the skip link, the error summary's links to the fields) must resolve to
/// that page. Pages carry <c>&lt;base href="/"&gt;</c>, and a browser resolves a bare <c>#fragment</c> against
/// the base, not against the page: such a link opened the home page, and on a form shown again with errors it
/// threw away everything the resident typed. Every link with a fragment is resolved here as a browser does
/// (RFC 3986 and HTML's base) and must name the page's own path.
/// </summary>
public sealed partial class FragmentLinkTests(SqliteWebApp app) : IClassFixture<SqliteWebApp>
{
    [Fact]
    public async Task FormShownAgainWithErrors_EveryFragmentLink_ResolvesToTheSamePage()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = new() { ["address_string"] = "100 Example Street", ["zipcode"] = "1" };

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string html = await PortalForms.TextAsync(response);
        Uri page = new(client.BaseAddress!, "/services/heat-hot-water/requests");
        AssertFragmentLinksStayOn(page, html, minimum: 3);
    }

    [Theory]
    [InlineData("/track")]
    [InlineData("/services")]
    [InlineData("/requests/NO00-0000")]
    public async Task PortalPage_SkipLink_ResolvesToTheSamePage(string path)
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await PortalForms.GetAsync(client, path);

        string html = await PortalForms.TextAsync(response);
        AssertFragmentLinksStayOn(new Uri(client.BaseAddress!, path), html, minimum: 1);
    }

    private static void AssertFragmentLinksStayOn(Uri page, string html, int minimum)
    {
        Match baseTag = BaseHref().Match(html);
        Uri documentBase = baseTag.Success ? new Uri(page, baseTag.Groups[1].Value) : page;
        string[] fragments = [.. FragmentHref().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

        Assert.True(fragments.Length >= minimum, $"Expected at least {minimum} fragment links on {page}.");
        Assert.All(fragments, href =>
            Assert.Equal(page.AbsolutePath, new Uri(documentBase, href).AbsolutePath));
    }

    [GeneratedRegex("<base href=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex BaseHref();

    [GeneratedRegex("href=\"([^\"]*#[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex FragmentHref();
}
