using System.Net;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.StaffSettings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// A running clock's warning in the viewer's zone. The host's clock stands at Tuesday 2019-03-12 15:30 EDT
/// (19:30 UTC): a plumbing case opened 2019-03-05 12:30 EST is due that day at 17:00 EDT, and the default
/// "1 business hour before" warning falls at 16:00 EDT, 15:00 in Chicago.
/// </summary>
public abstract class ViewerWarningTests(WorkspaceApp app)
{
    [Fact]
    public async Task CasePage_ChicagoUser_ShowsTheRunningClocksWarningInChicagoTimeWithItsOffset()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        await using (AsyncServiceScope scope = app.CreateScope())
        {
            Result<StaffSettingsView> chosen = await scope.ServiceProvider.GetRequiredService<StaffSettingsHandler>()
                .ChangeAsync(new ChangeStaffSettings(anaId, "America/Chicago", null), Ct);
            Assert.True(chosen.IsSuccess);
        }

        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Instant.FromUtc(2019, 3, 5, 17, 30));
        HttpClient client = await SignInAsync(app, ana);

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=en"));

        Assert.Contains(">Running<", html, StringComparison.Ordinal);
        Assert.Contains(
            "Deadline: <time datetime=\"2019-03-12T21:00:00Z\">Tuesday, March 12, 2019 4:00 PM (UTC-05:00)",
            html, StringComparison.Ordinal);
        Assert.Contains(
            "Warning: <time datetime=\"2019-03-12T20:00:00Z\">Tuesday, March 12, 2019 3:00 PM (UTC-05:00)",
            html, StringComparison.Ordinal);
    }
}

/// <summary>A workspace host whose clock stands still at 2019-03-12 19:30 UTC.</summary>
public abstract class StillClockApp(string provider) : WorkspaceApp(provider)
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<TimeProvider>(
            new FakeTimeProvider(new DateTimeOffset(2019, 3, 12, 19, 30, 0, TimeSpan.Zero)));
    }
}

public sealed class StillClockSqliteApp() : StillClockApp(DatabaseProviders.Sqlite);

public sealed class StillClockPostgresApp() : StillClockApp(DatabaseProviders.Postgres);

public sealed class ViewerWarningTestsSqlite(StillClockSqliteApp app) : ViewerWarningTests(app),
    IClassFixture<StillClockSqliteApp>;

public sealed class ViewerWarningTestsPostgres(StillClockPostgresApp app) : ViewerWarningTests(app),
    IClassFixture<StillClockPostgresApp>;
