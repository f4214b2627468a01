using System.Net;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.StaffSettings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// Times in the viewer's zone. A plumbing case of Tuesday 2019-03-05 12:30 EST (17:30 UTC) has the default
/// clock, five business days of 09:00-17:00 in New York, so it is due Tuesday 2019-03-12 17:00 EDT (21:00 UTC):
/// the daylight-saving change of Sunday 2019-03-10 lies between its opening and its deadline.
/// </summary>
public abstract class ViewerTimeZoneTests(WorkspaceApp app)
{
    private static readonly Instant Created = Instant.FromUtc(2019, 3, 5, 17, 30);

    [Fact]
    public async Task CasePage_DefaultUser_ShowsNewYorkTimesOnBothSidesOfTheChangeAndNamesTheJurisdiction()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Created);
        HttpClient client = await SignInAsync(app, ana);

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=en"));

        Assert.Contains("Tuesday, March 12, 2019 5:00 PM (UTC-04:00)", html, StringComparison.Ordinal);
        Assert.Contains("2019-03-05 12:30 -05:00", html, StringComparison.Ordinal);
        Assert.Contains("in the America/New_York time zone (the jurisdiction's)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_ChicagoUser_ShowsTheDeadlineAnHourEarlierWithChicagosOffsetOnEachSideOfTheChange()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        await ChooseAsync(anaId, "America/Chicago");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Created);
        HttpClient client = await SignInAsync(app, ana);

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=en"));

        Assert.Contains("Tuesday, March 12, 2019 4:00 PM (UTC-05:00)", html, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2019-03-12T21:00:00Z\"", html, StringComparison.Ordinal);
        Assert.Contains("2019-03-05 11:30 -06:00", html, StringComparison.Ordinal);
        Assert.DoesNotContain("5:00 PM (UTC-04:00)", html, StringComparison.Ordinal);
        Assert.Contains("in the America/Chicago time zone (your setting)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_ChicagoUserInSpanish_ShowsTheDeadlineInChicagoTime()
    {
        (string ana, Guid anaId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        await ChooseAsync(anaId, "America/Chicago");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Created);
        HttpClient client = await SignInAsync(app, ana);

        string html = WebUtility.HtmlDecode(await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es"));

        Assert.Contains("martes, 12 de marzo de 2019, 16:00 (UTC-05:00)", html, StringComparison.Ordinal);
        Assert.Contains("zona horaria America/Chicago (su ajuste)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ChicagoUser_ReadsTheDateFiltersInChicagoAndShowsChicagoTimes()
    {
        (string chicago, Guid chicagoId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (string newYork, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        await ChooseAsync(chicagoId, "America/Chicago");

        // 2017-05-10 00:30 in New York is still 2017-05-09 23:30 in Chicago.
        (_, string reference) = await AddCaseAsync(app, "plumbing", Instant.FromUtc(2017, 5, 10, 4, 30));
        const string May9 = "/staff?created_from=2017-05-09&created_to=2017-05-09&culture=en";
        const string May10 = "/staff?created_from=2017-05-10&created_to=2017-05-10&culture=en";

        HttpClient inChicago = await SignInAsync(app, chicago);
        HttpClient inNewYork = await SignInAsync(app, newYork);
        string chicagoMay9 = WebUtility.HtmlDecode(await GetHtmlAsync(inChicago, May9));
        string chicagoMay10 = await GetHtmlAsync(inChicago, May10);
        string newYorkMay9 = await GetHtmlAsync(inNewYork, May9);
        string newYorkMay10 = await GetHtmlAsync(inNewYork, May10);

        Assert.Contains(reference, chicagoMay9, StringComparison.Ordinal);
        Assert.Contains("2017-05-09 23:30 -05:00", chicagoMay9, StringComparison.Ordinal);
        Assert.Contains("in the America/Chicago time zone (your setting)", chicagoMay9, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, chicagoMay10, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, newYorkMay9, StringComparison.Ordinal);
        Assert.Contains(reference, newYorkMay10, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiCases_ChicagoUser_ReadsTheDateFiltersInChicagoButAnswersInUtc()
    {
        (string chicago, Guid chicagoId) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        await ChooseAsync(chicagoId, "America/Chicago");
        (Guid caseId, _) = await AddCaseAsync(app, "plumbing", Instant.FromUtc(2016, 5, 10, 4, 30));
        HttpClient client = await SignInAsync(app, chicago);

        string may9 = await GetHtmlAsync(client, "/api/v1/cases?created_from=2016-05-09&created_to=2016-05-09");
        string may10 = await GetHtmlAsync(client, "/api/v1/cases?created_from=2016-05-10&created_to=2016-05-10");

        Assert.Contains(caseId.ToString(), may9, StringComparison.Ordinal);
        Assert.Contains("\"2016-05-10T04:30:00Z\"", may9, StringComparison.Ordinal);
        Assert.DoesNotContain(caseId.ToString(), may10, StringComparison.Ordinal);
    }

    /// <summary>Sets a user's zone through the use case the settings page and the API call.</summary>
    private async Task ChooseAsync(Guid userId, string? zoneId)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        StaffSettingsHandler handler = scope.ServiceProvider.GetRequiredService<StaffSettingsHandler>();
        Result<StaffSettingsView> result = await handler.ChangeAsync(new ChangeStaffSettings(userId, zoneId, null), Ct);
        Assert.True(result.IsSuccess, result.Error?.ToString());
    }
}

public sealed class ViewerTimeZoneTestsSqlite(WorkspaceSqliteApp app) : ViewerTimeZoneTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class ViewerTimeZoneTestsPostgres(WorkspacePostgresApp app) : ViewerTimeZoneTests(app),
    IClassFixture<WorkspacePostgresApp>;
