using System.Net;
using System.Text.RegularExpressions;
using CivicDesk.Testing;

namespace CivicDesk.Web.Tests.Portal;

public abstract class PortalPagesTests(WebAppFixture app)
{
    [Fact]
    public async Task Home_English_RendersInEnglishWithFrequentServicesAndTrackBox()
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await PortalForms.GetAsync(client, "/");

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
        Assert.Contains(
            "<title>CivicDesk: report a problem or track a request</title>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/heat-hot-water/new\">Heat or hot water</a>", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/track\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/services\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_AfterSwitchingToSpanish_RendersSpanishTextsAndServiceNames()
    {
        using HttpClient client = app.CreateClient(followRedirects: true);

        HttpResponseMessage response = await PortalForms.GetAsync(client, "/culture/es?returnUrl=%2F");

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("Reporte un problema a la ciudad o siga uno que ya reportó", html, StringComparison.Ordinal);
        Assert.Contains(">Calefacción o agua caliente</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Estacionamiento ilegal</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Heat or hot water</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_NoQuery_ListsEveryActiveServiceUnderItsGroup()
    {
        using HttpClient client = app.CreateClient();

        string html = await GetTextAsync(client, "/services");

        Assert.Equal(30, Regex.Count(html, "href=\"/services/[a-z0-9-]+/new\""));
        Assert.Contains(">Housing</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">Noise</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<title>All services · CivicDesk</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_SpanishSearchWithoutAccentOrCapitals_FindsTheAccentedSpanishName()
    {
        using HttpClient client = app.CreateClient();

        string html = await GetTextAsync(client, "/services?q=CALEFACCION&culture=es");

        Assert.Contains(">Calefacción o agua caliente</a>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "href=\"/services/[a-z0-9-]+/new\""));
        Assert.Contains("1 servicio coincide con «CALEFACCION».", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_EnglishSearch_FindsServicesByDescriptionAndAnswerChoices()
    {
        using HttpClient client = app.CreateClient();

        string html = await GetTextAsync(client, "/services?q=hydrant");

        // "hydrant" is in the description of Illegal parking and in the answers of Water system.
        Assert.Contains("/services/illegal-parking/new", html, StringComparison.Ordinal);
        Assert.Contains("/services/water-system/new", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/services/heat-hot-water/new", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_NothingMatches_ExplainsAndOffersTheFullList()
    {
        using HttpClient client = app.CreateClient();

        string html = await GetTextAsync(client, "/services?q=zzqqxx");

        Assert.Contains("No service matches “zzqqxx”.", html, StringComparison.Ordinal);
        Assert.Contains("What you can do", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services\">Browse all services by group</a>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("href=\"/services/[a-z0-9-]+/new\"", html);
    }

    [Fact]
    public async Task Form_Spanish_ShowsSpanishQuestionsOptionsAndRequiredInWords()
    {
        using HttpClient client = app.CreateClient();

        string html = await GetTextAsync(client, "/services/heat-hot-water/new?culture=es");

        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("¿Cuál es el problema?", html, StringComparison.Ordinal);
        Assert.Contains("(obligatorio)", html, StringComparison.Ordinal);
        Assert.Contains(">Todo el edificio</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Latitud (grados decimales WGS84)</label>", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"given-name\"", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"email\"", html, StringComparison.Ordinal);
        Assert.Contains("10 MB", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_ManyChoices_DrawsASelectAndFewChoicesDrawRadios()
    {
        using HttpClient client = app.CreateClient();

        string html = await GetTextAsync(client, "/services/illegal-parking/new");

        Assert.Contains("<select class=\"usa-select", html, StringComparison.Ordinal);
        Assert.Contains("name=\"attribute[descriptor]\"", html, StringComparison.Ordinal);
        string heat = await GetTextAsync(client, "/services/heat-hot-water/new");
        Assert.Contains("type=\"radio\" name=\"attribute[descriptor]\"", heat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_TwoRenders_CarryDifferentSubmissionTokens()
    {
        using HttpClient client = app.CreateClient();

        FormTokens first = await PortalForms.GetFormAsync(client, "heat-hot-water");
        FormTokens second = await PortalForms.GetFormAsync(client, "heat-hot-water");

        Assert.NotEqual(first.Submission, second.Submission);
        Assert.Matches("^[0-9a-f]{32}$", first.Submission);
    }

    [Fact]
    public async Task Form_UnknownService_AnswersAHelpful404()
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await PortalForms.GetAsync(client, "/services/no-such-service/new");

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find this service", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services\"", html, StringComparison.Ordinal);
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        HttpResponseMessage response = await PortalForms.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalForms.TextAsync(response);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}

public sealed class PortalPagesTestsSqlite(SqliteWebApp app) : PortalPagesTests(app), IClassFixture<SqliteWebApp>;

public sealed class PortalPagesTestsPostgres(PostgresWebApp app) : PortalPagesTests(app), IClassFixture<PostgresWebApp>;
