using System.Net;
using CivicDesk.Core.Notifications;
using CivicDesk.Core.Notifications.SendNotifications;
using CivicDesk.Testing;
using CivicDesk.Web.Tests.Workspace;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CivicDesk.Web.Tests.Notifications;

/// <summary>
/// The jurisdiction's name is data with a translation like its departments' and services' (the demo's
/// <c>nyc.es.json</c>): Spanish pages and messages say "Ciudad de Nueva York", English ones "New York City".
/// </summary>
public abstract class JurisdictionNameTests(WebAppFixture app)
{
    [Fact]
    public async Task PortalForm_InSpanish_NamesTheJurisdictionInSpanish()
    {
        using HttpClient client = app.CreateClient();

        string spanish = await TextAsync(client, "/services/heat-hot-water/new?culture=es");
        string english = await TextAsync(client, "/services/heat-hot-water/new?culture=en");

        Assert.Contains("El lugar debe estar en Ciudad de Nueva York.", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("New York City", spanish, StringComparison.Ordinal);
        Assert.Contains("The place must be in New York City.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotificationFacts_InEachLanguage_NameTheJurisdictionInIt()
    {
        (Guid caseId, _) = await StaffBrowser.AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2026, 3, 2, 14, 0));
        await using AsyncServiceScope scope = app.CreateScope();
        NotificationFactsReader reader = scope.ServiceProvider.GetRequiredService<NotificationFactsReader>();

        (NotificationFacts spanish, _) = await reader.ReadAsync(caseId, "es", StaffBrowser.Ct);
        (NotificationFacts english, _) = await reader.ReadAsync(caseId, "en", StaffBrowser.Ct);

        Assert.Equal("Ciudad de Nueva York", spanish.JurisdictionName);
        Assert.Equal("Calefacción o agua caliente", spanish.ServiceName);
        Assert.Equal("New York City", english.JurisdictionName);
    }

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), StaffBrowser.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(StaffBrowser.Ct));
    }
}

public sealed class JurisdictionNameTestsSqlite(SqliteWebApp app)
    : JurisdictionNameTests(app), IClassFixture<SqliteWebApp>;

public sealed class JurisdictionNameTestsPostgres(PostgresWebApp app)
    : JurisdictionNameTests(app), IClassFixture<PostgresWebApp>;
