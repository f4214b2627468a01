using System.Net;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Hosting;

public abstract class FirstStartTests(WebAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_EmptyDatabase_MigratesAndSeedsTheNycCatalogue()
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();

        List<Service> services = await db.Services.Include(s => s.Questions)
            .Where(s => s.IsActive).ToListAsync(Ct);

        Assert.Equal(30, services.Count);
        Assert.All(services, s => Assert.Contains(s.Questions, q => q.Code == "descriptor"));
        Assert.Equal("nyc.gov", (await db.Jurisdictions.SingleAsync(Ct)).Open311Id);
    }

    [Fact]
    public async Task Start_EmptyDatabase_PublishesThe311CaseTypeWithItsRulesAndCalendar()
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();

        CaseTypeVersion published = await db.CaseTypeVersions.SingleAsync(Ct);

        Assert.Equal(("nyc-311", 1, null), (published.Key, published.Version, published.ServiceCodes));
        Assert.Matches("^[0-9a-f]{64}$", published.ContentHash);
        Assert.Contains("\"../rules/nyc-routing.rules\"", published.Files, StringComparison.Ordinal);
        Assert.Contains("\"calendars/nyc.yaml\"", published.Files, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_RunningHost_AnswersHealthy()
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    public async Task AnyResponse_Always_CarriesTheSecurityHeaders(string path)
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        string policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }
}

public sealed class FirstStartTestsSqlite(SqliteWebApp app) : FirstStartTests(app), IClassFixture<SqliteWebApp>;

public sealed class FirstStartTestsPostgres(PostgresWebApp app) : FirstStartTests(app), IClassFixture<PostgresWebApp>;
