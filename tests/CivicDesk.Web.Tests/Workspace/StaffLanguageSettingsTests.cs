using System.Net;
using System.Text;
using System.Text.Json;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>The language of a member of staff's notifications, chosen on "My settings" or through the API.</summary>
public abstract class StaffLanguageSettingsTests(WorkspaceApp app)
{
    [Fact]
    public async Task SettingsPage_ChoosingSpanish_StoresItAndSelectsIt()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);
        string before = WebUtility.HtmlDecode(await GetHtmlAsync(client, "/staff/settings?culture=es"));

        HttpResponseMessage saved = await PostFormAsync(
            client, "/staff/settings", "settings", ("Form.TimeZone", ""), ("Form.Language", "es"));
        string after = WebUtility.HtmlDecode(await GetHtmlAsync(client, "/staff/settings?saved=1&culture=es"));

        Assert.Matches("<label class=\"usa-label ?\" for=\"language\">Idioma de sus notificaciones</label>", before);
        Assert.Contains("<option value=\"en\" lang=\"en\" selected>English</option>", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<option value=\"es\" lang=\"es\" selected>Español</option>", after, StringComparison.Ordinal);
        Assert.Equal("es", await LanguageOfAsync(anaId));
    }

    [Fact]
    public async Task SettingsPage_UnsupportedLanguage_Answers400InSpanishAndKeepsTheLanguage()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);

        HttpResponseMessage refused = await PostFormAsync(
            client, "/staff/settings?culture=es", "settings", ("Form.TimeZone", ""), ("Form.Language", "fr"));
        string html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"language-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Elija un idioma de la lista.", html, StringComparison.Ordinal);
        Assert.Equal("en", await LanguageOfAsync(anaId));
    }

    [Fact]
    public async Task ApiSettings_PutWithLanguage_ChangesAndAnswersIt()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);

        HttpResponseMessage put = await client.PutAsync(
            new Uri("/api/v1/me/settings", UriKind.Relative),
            new StringContent("{\"time_zone\": null, \"language\": \"es\"}", Encoding.UTF8, "application/json"), Ct);
        using JsonDocument read = JsonDocument.Parse(await GetHtmlAsync(client, "/api/v1/me/settings"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("es", read.RootElement.GetProperty("language").GetString());
        Assert.Equal("es", await LanguageOfAsync(anaId));
    }

    [Fact]
    public async Task Workspace_AfterSignIn_IsShownInTheStaffLanguage()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient first = await SignInAsync(app, ana);
        string before = await GetHtmlAsync(first, "/staff");
        await PostFormAsync(first, "/staff/settings", "settings", ("Form.TimeZone", ""), ("Form.Language", "es"));

        HttpClient client = await SignInAsync(app, ana);
        string queue = WebUtility.HtmlDecode(await GetHtmlAsync(client, "/staff"));

        Assert.Contains("<h1>Case queue</h1>", before, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\"", queue, StringComparison.Ordinal);
        Assert.Contains("<h1>Cola de casos</h1>", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_LanguagePickedOnThePage_WinsOverTheStaffLanguage()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);
        await PostFormAsync(client, "/staff/settings", "settings", ("Form.TimeZone", ""), ("Form.Language", "es"));

        HttpResponseMessage picked = await client.GetAsync(
            new Uri("/culture/en?returnUrl=%2Fstaff", UriKind.Relative), Ct);
        string queue = await GetHtmlAsync(client, "/staff");
        string settings = await GetHtmlAsync(client, "/staff/settings?culture=es");

        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Contains("<html lang=\"en\"", queue, StringComparison.Ordinal);
        Assert.Contains("<h1>Case queue</h1>", queue, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\"", settings, StringComparison.Ordinal);
    }

    private async Task<string> LanguageOfAsync(Guid userId)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        return await db.StaffUsers.Where(u => u.Id == userId).Select(u => u.Language).SingleAsync(Ct);
    }
}

public sealed class StaffLanguageSettingsTestsSqlite(WorkspaceSqliteApp app) : StaffLanguageSettingsTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class StaffLanguageSettingsTestsPostgres(WorkspacePostgresApp app) : StaffLanguageSettingsTests(app),
    IClassFixture<WorkspacePostgresApp>;
