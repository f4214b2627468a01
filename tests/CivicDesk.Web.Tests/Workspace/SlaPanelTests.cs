using System.Net;
using System.Text.Json;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// The case page's SLA panel and the staff API's clocks. A case without a case type has the default clock: five
/// business days of 09:00-17:00 in New York, so a case of Tuesday 2019-01-15 12:30 EST is due at the close of
/// Tuesday 2019-01-22, 17:00 EST, and long breached.
/// </summary>
public abstract class SlaPanelTests(WorkspaceApp app)
{
    private static readonly Instant Created = Instant.FromUtc(2019, 1, 15, 17, 30);

    [Fact]
    public async Task CasePage_InEnglish_ShowsTheClockStateInWordsAndTheDeadlineWithItsOffset()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Created);
        HttpClient client = await SignInAsync(app, ana);

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=en"));

        Assert.Contains("SLA clocks", html, StringComparison.Ordinal);
        Assert.Contains(">Breached<", html, StringComparison.Ordinal);
        Assert.Contains("Tuesday, January 22, 2019 5:00 PM (UTC-05:00)", html, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2019-01-22T22:00:00Z\"", html, StringComparison.Ordinal);
        Assert.Contains("in the America/New_York time zone", html, StringComparison.Ordinal);
        Assert.Contains("Business time used: ", html, StringComparison.Ordinal);
        Assert.Contains("Overdue by ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_InSpanish_ShowsTheClockStateAndDeadlineInSpanishWithItsOffset()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Created);
        HttpClient client = await SignInAsync(app, ana);

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));

        Assert.Contains("Plazos de SLA", html, StringComparison.Ordinal);
        Assert.Contains(">Incumplido<", html, StringComparison.Ordinal);
        Assert.Contains("martes, 22 de enero de 2019, 17:00 (UTC-05:00)", html, StringComparison.Ordinal);
        Assert.Contains("zona horaria America/New_York", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_SlaBreached_ListsTheAgentsBreachedCaseAndOnTimeDoesNot()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        Instant day = Instant.FromUtc(2017, 5, 9, 14, 0);
        (Guid caseId, string reference) = await AddCaseAsync(app, "plumbing", day);
        (Guid otherId, string other) = await AddCaseAsync(app, "street-condition", day);
        await ScheduleAsync(caseId);
        await ScheduleAsync(otherId);
        HttpClient client = await SignInAsync(app, ana);
        const string Day = "/staff?created_from=2017-05-09&created_to=2017-05-09";

        string breached = await GetHtmlAsync(client, Day + "&sla=breached");
        string onTime = await GetHtmlAsync(client, Day + "&sla=on_time");

        Assert.Contains(reference, breached, StringComparison.Ordinal);
        Assert.DoesNotContain(other, breached, StringComparison.Ordinal);
        Assert.Contains(">1 case<", breached, StringComparison.Ordinal);
        Assert.Contains("<option value=\"breached\" selected", breached, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, onTime, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffApi_Case_IncludesEachClockWithStateAndDeadline()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Created);
        HttpClient client = await SignInAsync(app, ana);

        using JsonDocument json = JsonDocument.Parse(await GetHtmlAsync(client, $"/api/v1/cases/{caseId}"));
        JsonElement clock = json.RootElement.GetProperty("clocks").EnumerateArray().Single();

        Assert.Equal(
            ("resolution", "breached", "2019-01-22T22:00:00Z", "default"),
            (clock.GetProperty("id").GetString(), clock.GetProperty("state").GetString(),
                clock.GetProperty("deadline").GetString(),
                clock.GetProperty("calendar").GetProperty("key").GetString()));
    }

    /// <summary>Schedules a stored case's clocks, as its next status change would.</summary>
    private async Task ScheduleAsync(Guid caseId)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Case found = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        await scope.ServiceProvider.GetRequiredService<SlaTimerScheduler>().ScheduleAsync(found, null, Ct);
        await db.SaveChangesAsync(Ct);
    }
}

public sealed class SlaPanelTestsSqlite(WorkspaceSqliteApp app) : SlaPanelTests(app), IClassFixture<WorkspaceSqliteApp>;

public sealed class SlaPanelTestsPostgres(WorkspacePostgresApp app) : SlaPanelTests(app),
    IClassFixture<WorkspacePostgresApp>;
