using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports;
using CivicDesk.Testing;
using CivicDesk.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Hosting;

public abstract class FirstStartHistoryTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_SeedHistoryOn_ImportsTheNycSampleOnceAcrossTwoStarts()
    {
        app.RequireDatabase();
        await using (WebApplicationFactory<Program> second = app.Factory.WithWebHostBuilder(_ => { }))
        {
            _ = second.Server;
        }

        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Assert.Equal(4999, await db.Cases.CountAsync(c => c.SourceSystem == "nyc311", Token));
        Assert.Equal(2 * 4999, await db.CaseEvents.CountAsync(Token));
        ImportRun run = await db.ImportRuns.SingleAsync(Token);
        Assert.Equal((4999, 4999, 0L), (run.RowsRead, run.Inserted, run.Rejected));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "import.completed", Token));
        Assert.Equal(262, await db.Cases.CountAsync(c => c.Quality != DataQualityFlags.None, Token));
    }
}

/// <summary>A first start that also imports the demo history, as a real first start does.</summary>
public abstract class HistoryWebApp(string provider) : WebAppFixture(provider)
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.PostConfigure<DemoOptions>(o => o.SeedHistory = true);
}

public sealed class SqliteHistoryWebApp() : HistoryWebApp(DatabaseProviders.Sqlite);

public sealed class PostgresHistoryWebApp() : HistoryWebApp(DatabaseProviders.Postgres);

public sealed class FirstStartHistoryTestsSqlite(SqliteHistoryWebApp app)
    : FirstStartHistoryTests(app), IClassFixture<SqliteHistoryWebApp>;

public sealed class FirstStartHistoryTestsPostgres(PostgresHistoryWebApp app)
    : FirstStartHistoryTests(app), IClassFixture<PostgresHistoryWebApp>;
