using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>The "My settings" page and <c>/api/v1/me/settings</c>: choosing the zone times are shown in.</summary>
public abstract class StaffSettingsTests(WorkspaceApp app)
{
    [Fact]
    public async Task SettingsPage_ShowsALabelledListWithTheJurisdictionsZoneFirstAsTheDefault()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, "/staff/settings?culture=en"));

        Assert.Matches("<label class=\"usa-label ?\" for=\"time_zone\">Time zone</label>", html);
        Assert.Matches("<select class=\"usa-select ?\" id=\"time_zone\" name=\"Form.TimeZone\"", html);
        Assert.Contains("aria-describedby=\"time_zone-hint\"", html, StringComparison.Ordinal);
        int first = html.IndexOf("<option", StringComparison.Ordinal);
        Assert.Matches(
            @"^<option value(="""")? selected>The jurisdiction's time zone \(default\): America/New_York \(UTC-0",
            html[first..]);
        Assert.Contains("<optgroup label=\"America\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"America/Chicago\">America/Chicago (UTC-0", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/settings\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_SavingAZone_RedirectsAuditsAndSelectsIt()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);

        HttpResponseMessage saved = await PostFormAsync(
            client, "/staff/settings", "settings", ("Form.TimeZone", "America/Chicago"));
        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, "/staff/settings?saved=1&culture=en"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/staff/settings?saved=1", saved.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Your settings are saved.", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"America/Chicago\" selected>", html, StringComparison.Ordinal);
        Assert.Contains("in the America/Chicago time zone (your setting)", html, StringComparison.Ordinal);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        AuditEntry audit = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.TargetId == anaId && a.Action == "staff.settings_changed", Ct);
        Assert.Equal(anaId, audit.ActorId);
        Assert.Contains("America/Chicago", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_UnknownZone_Answers400WithTheErrorOnTheField()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);

        HttpResponseMessage refused = await PostFormAsync(
            client, "/staff/settings?culture=en", "settings", ("Form.TimeZone", "Mars/Olympus_Mons"));
        string html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("#time_zone\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"time_zone-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Choose a time zone from the list.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_PostWithoutTheAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);

        HttpResponseMessage refused = await client.PostAsync(
            new Uri("/staff/settings", UriKind.Relative),
            new FormUrlEncodedContent([new("_handler", "settings"), new("Form.TimeZone", "America/Chicago")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(await ZoneOfAsync(anaId));
    }

    [Fact]
    public async Task ApiSettings_PutAndGet_ChangeAndReadTheZone()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);

        HttpResponseMessage put = await PutAsync(client, "{\"time_zone\": \"America/Chicago\"}");
        using JsonDocument read = JsonDocument.Parse(await GetHtmlAsync(client, "/api/v1/me/settings"));
        HttpResponseMessage reset = await PutAsync(client, "{\"time_zone\": null}");
        using JsonDocument after = JsonDocument.Parse(await reset.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        JsonElement root = read.RootElement;
        Assert.Equal(
            ("America/Chicago", "America/New_York", "America/Chicago"),
            (root.GetProperty("time_zone").GetString(), root.GetProperty("jurisdiction_time_zone").GetString(),
                root.GetProperty("effective_time_zone").GetString()));
        Assert.Equal(JsonValueKind.Null, after.RootElement.GetProperty("time_zone").ValueKind);
        Assert.Equal("America/New_York", after.RootElement.GetProperty("effective_time_zone").GetString());
        Assert.Null(await ZoneOfAsync(anaId));
    }

    [Fact]
    public async Task ApiSettings_PutWithOneField_KeepsTheOther()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);
        await PutAsync(client, "{\"time_zone\": \"America/Chicago\"}");

        HttpResponseMessage language = await PutAsync(client, "{\"language\": \"es\"}");
        HttpResponseMessage nothing = await PutAsync(client, "{}");
        using JsonDocument after = JsonDocument.Parse(await nothing.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, language.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        Assert.Equal(
            ("America/Chicago", "es"),
            (after.RootElement.GetProperty("time_zone").GetString(),
                after.RootElement.GetProperty("language").GetString()));
        Assert.Equal("America/Chicago", await ZoneOfAsync(anaId));
    }

    [Theory]
    [InlineData("{\"time_zone\": \"Mars/Olympus_Mons\"}", "time_zone", "unknown")]
    [InlineData("{\"time_zone\": \"america/chicago\"}", "time_zone", "unknown")]
    [InlineData("{\"time_zone\": 5}", "time_zone", "invalid")]
    [InlineData("{\"language\": \"fr\"}", "language", "unsupported")]
    [InlineData("{\"language\": 5}", "language", "invalid")]
    [InlineData("{\"colour\": \"red\"}", "colour", "unknown_field")]
    public async Task ApiSettings_BadField_Answers400ProblemNamingTheField(string body, string field, string code)
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, ana);

        HttpResponseMessage response = await PutAsync(client, body);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(
            (field, code), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Null(await ZoneOfAsync(anaId));
    }

    [Fact]
    public async Task ApiSettings_WithoutASession_IsNotAnswered()
    {
        HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.PutAsJsonAsync(
            new Uri("/api/v1/me/settings", UriKind.Relative), new { time_zone = "America/Chicago" }, Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string json) => client.PutAsync(
        new Uri("/api/v1/me/settings", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"),
        Ct);

    private async Task<string?> ZoneOfAsync(Guid userId)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        return await db.StaffUsers.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleAsync(Ct);
    }
}

public sealed class StaffSettingsTestsSqlite(WorkspaceSqliteApp app) : StaffSettingsTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class StaffSettingsTestsPostgres(WorkspacePostgresApp app) : StaffSettingsTests(app),
    IClassFixture<WorkspacePostgresApp>;
