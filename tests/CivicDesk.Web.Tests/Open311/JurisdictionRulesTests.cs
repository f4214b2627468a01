using System.Net;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Open311;

/// <summary>
/// jurisdiction_id: optional while the host serves one jurisdiction, required once it serves two, 404 when
/// unknown. One test walks the whole story because it adds a jurisdiction to the host it runs on.
/// </summary>
public abstract class JurisdictionRulesTests(WebAppFixture app)
{
    [Fact]
    public async Task JurisdictionId_OneThenTwoJurisdictions_IsOptionalThenRequired()
    {
        using HttpClient client = app.CreateClient();
        IssuedApiKey nycKey = await Open311TestData.IssueKeyAsync(app);

        Open311Answer oneWithout = await GetAsync(client, "services.json");
        Open311Answer unknown = await GetAsync(client, "services.json?jurisdiction_id=nowhere.example");
        await AddSecondJurisdictionAsync();
        Open311Answer twoWithout = await GetAsync(client, "requests.xml");
        Open311Answer twoNamed = await GetAsync(client, "services.json?jurisdiction_id=NYC.gov");
        Open311Answer otherPost = await Open311Http.PostFormAsync(client, Open311Http.Base + "requests.json",
        [
            new("api_key", nycKey.Key), new("jurisdiction_id", "test.example.gov"), new("service_code", "rodent"),
            new("address_string", "1 Main Street"),
        ]);

        Assert.Equal(HttpStatusCode.OK, oneWithout.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("jurisdiction_id 'nowhere.example' was not found.", Assert.Single(unknown.ErrorDescriptions()));
        Assert.Equal(HttpStatusCode.BadRequest, twoWithout.Status);
        Assert.StartsWith("jurisdiction_id:", Assert.Single(twoWithout.ErrorDescriptions()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, twoNamed.Status);
        Assert.Equal(HttpStatusCode.Forbidden, otherPost.Status);
        Assert.Equal("api_key is not valid for this jurisdiction.", Assert.Single(otherPost.ErrorDescriptions()));
    }

    private static Task<Open311Answer> GetAsync(HttpClient client, string path) =>
        Open311Http.GetAsync(client, Open311Http.Base + path);

    private async Task AddSecondJurisdictionAsync()
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        db.Jurisdictions.Add(new Jurisdiction(
            Guid.NewGuid(), "test", "Test County", "test.example.gov", "America/Chicago", "US",
            new GeoBounds(41, -88, 42, -87)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        // Another node would see the new jurisdiction once its cached list expires; this one is told now.
        scope.ServiceProvider.GetRequiredService<CatalogCache>().Clear();
    }
}

public sealed class JurisdictionRulesTestsSqlite(SqliteWebApp app)
    : JurisdictionRulesTests(app), IClassFixture<SqliteWebApp>;

public sealed class JurisdictionRulesTestsPostgres(PostgresWebApp app)
    : JurisdictionRulesTests(app), IClassFixture<PostgresWebApp>;
