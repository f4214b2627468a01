using System.Net;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Hosting;

public abstract class FirstStartTests(WebAppFixture app)
{
    [Fact]
    public async Task Start_EmptyDatabase_MigratesAndSeedsTheNycCatalogue()
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();

        List<Service> services = await db.Services.Include(s => s.Questions)
            .Where(s => s.IsActive).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(30, services.Count);
        Assert.All(services, s => Assert.Contains(s.Questions, q => q.Code == "descriptor"));
        Assert.Equal("nyc.gov", (await db.Jurisdictions.SingleAsync(TestContext.Current.CancellationToken)).Open311Id);
    }

    [Fact]
    public async Task Healthz_RunningHost_AnswersHealthy()
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    public async Task AnyResponse_Always_CarriesTheSecurityHeaders(string path)
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }
}

public sealed class FirstStartTestsSqlite(SqliteWebApp app) : FirstStartTests(app), IClassFixture<SqliteWebApp>;

public sealed class FirstStartTestsPostgres(PostgresWebApp app) : FirstStartTests(app), IClassFixture<PostgresWebApp>;
