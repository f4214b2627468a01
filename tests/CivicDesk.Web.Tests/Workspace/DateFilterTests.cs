using System.Net;
using System.Text.Json;
using CivicDesk.Core.Identity;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// The queue's date filters at and past the edges of the calendar: a date whose day boundaries cannot be
/// turned into stored instants is a field error (the form) or a 400 problem (the API), never a 500.
/// </summary>
public abstract class DateFilterTests(WorkspaceApp app)
{
    public static TheoryData<string, string> OutOfRange => new()
    {
        { "created_to", "9999-12-31" },
        { "created_from", "9999-12-31" },
        { "created_from", "0001-01-01" },
        { "created_to", "0000-01-01" },
        { "created_from", "-0001-01-01" },
        { "created_to", "1899-12-31" },
        { "created_from", "9000-01-01" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Queue_DateOutsideTheStorableRange_ShowsAFieldErrorWith400(string field, string value)
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage response = await client.GetAsync(
            new Uri($"/staff?{field}={Uri.EscapeDataString(value)}", UriKind.Relative), Ct);
        string html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"#{field}\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Use a date from 1900-01-01 to 8999-12-31.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task ApiCases_DateOutsideTheStorableRange_Answers400ProblemNamingTheField(string field, string value)
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage response = await client.GetAsync(
            new Uri($"/api/v1/cases?{field}={Uri.EscapeDataString(value)}", UriKind.Relative), Ct);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal("out_of_range", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Queue_DatesAtBothEdgesOfTheRange_ListsWithoutAServerError()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);

        HttpResponseMessage page = await client.GetAsync(
            new Uri("/staff?created_from=1900-01-01&created_to=8999-12-31", UriKind.Relative), Ct);
        HttpResponseMessage api = await client.GetAsync(
            new Uri("/api/v1/cases?created_from=1900-01-01&created_to=8999-12-31", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Queue_OutOfRangeDateInSpanish_ShowsTheSpanishMessage()
    {
        (string agent, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        HttpClient client = await SignInAsync(app, agent);
        // Signed in, the workspace takes the page's language choice, else the user's setting, not the browser's.
        using HttpRequestMessage request = new(HttpMethod.Get, new Uri("/staff?created_to=9999-12-31&culture=es",
            UriKind.Relative));

        HttpResponseMessage response = await client.SendAsync(request, Ct);
        string html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Use una fecha entre 1900-01-01 y 8999-12-31.", html, StringComparison.Ordinal);
    }
}

public sealed class DateFilterTestsSqlite(WorkspaceSqliteApp app) : DateFilterTests(app),
    IClassFixture<WorkspaceSqliteApp>;

public sealed class DateFilterTestsPostgres(WorkspacePostgresApp app) : DateFilterTests(app),
    IClassFixture<WorkspacePostgresApp>;
