using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicDesk.Core.Cases;
using CivicDesk.Testing;
using CivicDesk.Web.Hosting;
using CivicDesk.Web.Tests.Portal;
using NodaTime;

namespace CivicDesk.Web.Tests.Open311;

/// <summary>
/// GET requests, requests/{id} and tokens/{token}. Each test stores its cases in a month of 2018 of its own,
/// so tests sharing the host do not see each other's data.
/// </summary>
public abstract class GetRequestsTests(WebAppFixture app)
{
    [Fact]
    public async Task Get_DateRange_ReturnsTheRequestsInsideItBoundsIncluded()
    {
        Instant start = Instant.FromUtc(2018, 3, 5, 5, 0);
        await Open311TestData.AddCaseAsync(app, "rodent", start - Duration.FromSeconds(1));
        Case atStart = await Open311TestData.AddCaseAsync(app, "rodent", start);
        Case inside = await Open311TestData.AddCaseAsync(app, "rodent", Instant.FromUtc(2018, 3, 10, 12, 0));
        Case atEnd = await Open311TestData.AddCaseAsync(app, "rodent", Instant.FromUtc(2018, 3, 15, 4, 59, 59));
        await Open311TestData.AddCaseAsync(app, "rodent", Instant.FromUtc(2018, 3, 15, 5, 0));

        string[] ids = await IdsAsync("start_date=2018-03-05T00:00:00-05:00&end_date=2018-03-14T23:59:59-05:00");

        Assert.Equal([atEnd.Reference, inside.Reference, atStart.Reference], ids);
    }

    [Theory]
    [InlineData("status=open", 2)]
    [InlineData("status=closed", 1)]
    [InlineData("status=open,closed", 3)]
    [InlineData("status=OPEN&status=closed", 3)]
    [InlineData("status=", 3)]
    public async Task Get_StatusFilter_ReturnsRequestsInThatStatus(string filter, int expected)
    {
        Instant day = Instant.FromUtc(2018, 4, 2, 12, 0);
        await SeedOnceAsync(day, async () =>
        {
            await Open311TestData.AddCaseAsync(app, "graffiti", day);
            await Open311TestData.AddCaseAsync(app, "graffiti", day + Duration.FromHours(1));
            await Open311TestData.AddCaseAsync(
                app, "graffiti", day + Duration.FromHours(2), day + Duration.FromDays(1));
        });

        string[] ids = await IdsAsync($"start_date=2018-04-01T00:00:00Z&end_date=2018-04-30T00:00:00Z&{filter}");

        Assert.Equal(expected, ids.Length);
    }

    [Fact]
    public async Task Get_ServiceCodeList_ReturnsOnlyThoseServices()
    {
        Instant day = Instant.FromUtc(2018, 5, 2, 12, 0);
        Case rodent = await Open311TestData.AddCaseAsync(app, "rodent", day);
        Case graffiti = await Open311TestData.AddCaseAsync(app, "graffiti", day + Duration.FromHours(1));
        await Open311TestData.AddCaseAsync(app, "noise", day + Duration.FromHours(2));

        string[] ids = await IdsAsync(
            "service_code=rodent,%20graffiti,no-such-code"
            + "&start_date=2018-05-01T00:00:00Z&end_date=2018-05-31T00:00:00Z");

        Assert.Equal([graffiti.Reference, rodent.Reference], ids);
    }

    [Fact]
    public async Task Get_IdList_OverridesEveryOtherFilter()
    {
        Case first = await Open311TestData.AddCaseAsync(app, "rodent", Instant.FromUtc(2018, 6, 2, 12, 0));
        Case second = await Open311TestData.AddCaseAsync(
            app, "rodent", Instant.FromUtc(2018, 6, 3, 12, 0), Instant.FromUtc(2018, 6, 4, 12, 0));

        string[] ids = await IdsAsync(
            $"service_request_id={first.Reference},{second.Reference},NOPE-0000&status=closed&service_code=graffiti"
            + "&start_date=2030-01-01T00:00:00Z&end_date=not-a-date");

        Assert.Equal([second.Reference, first.Reference], ids);
    }

    [Fact]
    public async Task Get_Pages_CoverEveryRequestOnceInAStableOrder()
    {
        Instant day = Instant.FromUtc(2018, 7, 2, 12, 0);
        List<string> stored = [];
        for (int i = 0; i < 7; i++)
        {
            // Two pairs share a timestamp, so the order has to fall back on the id to stay stable.
            Instant at = day + Duration.FromHours(i / 2 * 2);
            stored.Add((await Open311TestData.AddCaseAsync(app, "rodent", at)).Reference);
        }

        const string Window = "start_date=2018-07-01T00:00:00Z&end_date=2018-07-31T00:00:00Z";
        string[] all = await IdsAsync(Window);
        string[] page1 = await IdsAsync($"{Window}&page_size=3&page=1");
        string[] page2 = await IdsAsync($"{Window}&page_size=3&page=2");
        string[] page3 = await IdsAsync($"{Window}&page_size=3&page=3");
        string[] page4 = await IdsAsync($"{Window}&page_size=3&page=4");
        string[] page2Again = await IdsAsync($"{Window}&page_size=3&page=2");

        Assert.Equal(stored.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal((3, 3, 1, 0), (page1.Length, page2.Length, page3.Length, page4.Length));
        Assert.Equal(all, page1.Concat(page2).Concat(page3));
        Assert.Equal(page2, page2Again);
        Assert.Equal(stored[6], all[0]);
    }

    [Fact]
    public async Task Get_ManyRequestsAtTheSameInstant_PagesNeitherRepeatNorSkipAny()
    {
        Instant at = Instant.FromUtc(2018, 1, 20, 12, 0) + Duration.FromMilliseconds(250);
        HashSet<string> stored = [];
        for (int i = 0; i < 23; i++)
        {
            stored.Add((await Open311TestData.AddCaseAsync(app, "graffiti", at)).Reference);
        }

        const string Window = "service_code=graffiti&start_date=2018-01-20T00:00:00Z&end_date=2018-01-21T00:00:00Z";
        List<string> paged = [];
        for (int page = 1; page <= 7; page++)
        {
            paged.AddRange(await IdsAsync($"{Window}&page_size=4&page={page}"));
        }

        string[] whole = await IdsAsync(Window);
        Assert.Equal(23, paged.Count);
        Assert.Equal(stored.Order(StringComparer.Ordinal), paged.Order(StringComparer.Ordinal));
        Assert.Equal(whole, paged);
    }

    [Fact]
    public async Task Get_NoDates_DefaultsToTheLast90Days()
    {
        Instant now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        Case recent = await Open311TestData.AddCaseAsync(app, "sewer", now - Duration.FromDays(10));
        Case old = await Open311TestData.AddCaseAsync(app, "sewer", now - Duration.FromDays(100));

        string[] ids = await IdsAsync("service_code=sewer");

        Assert.Contains(recent.Reference, ids);
        Assert.DoesNotContain(old.Reference, ids);
    }

    [Theory]
    [InlineData("2018-08-01T00:00:00Z")]
    [InlineData("2018-08-01T00:00:00.5Z")]
    [InlineData("2018-07-31T20:00:00.123456789-04:00")]
    [InlineData("2018-07-31T20:00-04:00")]
    [InlineData("2018-08-01T05:30:00%2B05:30")]
    [InlineData("2018-08-01T05:30:00+05:30")]
    public async Task Get_W3cDatesWithOffsets_AreAccepted(string startDate)
    {
        Case stored = await Open311TestData.AddCaseAsync(app, "plumbing", Instant.FromUtc(2018, 8, 3, 12, 0));

        string[] ids = await IdsAsync($"service_code=plumbing&start_date={startDate}");

        Assert.Contains(stored.Reference, ids);
    }

    [Theory]
    [InlineData("end_date=2018-01-01T00:00:00Z&start_date=2018-01-02T00:00:00Z", "start_date:")]
    [InlineData("start_date=2018-01-01T00:00:00Z&end_date=2018-04-02T00:00:00Z", "end_date:")]
    public async Task Get_RangeBackwardsOrOver90Days_Answers400(string query, string field)
    {
        using HttpClient client = app.CreateClient();

        Open311Answer answer = await Open311Http.GetAsync(client, $"{Open311Http.Base}requests.json?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith(field, Assert.Single(answer.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetById_ReferenceAsAPersonTypesIt_FindsTheRequest()
    {
        Case stored = await Open311TestData.AddCaseAsync(app, "rodent", Instant.FromUtc(2018, 9, 1, 12, 0));
        using HttpClient client = app.CreateClient();
        string typed = stored.Reference.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

        Open311Answer answer = await Open311Http.GetAsync(client, $"{Open311Http.Base}requests/{typed}.json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(stored.Reference, answer.Json()[0].GetProperty("service_request_id").GetString());
    }

    [Theory]
    [InlineData("requests/ZZZZ-ZZZZ.json", "service_request_id 'ZZZZ-ZZZZ'")]
    [InlineData("requests/ZZZZ-ZZZZ.xml", "service_request_id 'ZZZZ-ZZZZ'")]
    [InlineData("tokens/0198e7a4-0000-7000-8000-00000000000a.json", "token '0198e7a4-0000-7000-8000-00000000000a'")]
    [InlineData("tokens/12345.json", "token '12345'")]
    [InlineData("services/no-such-service.xml", "service_code 'no-such-service'")]
    public async Task Get_UnknownResource_Answers404NamingIt(string path, string what)
    {
        using HttpClient client = app.CreateClient();

        Open311Answer answer = await Open311Http.GetAsync(client, Open311Http.Base + path);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal($"{what} was not found.", Assert.Single(answer.ErrorDescriptions()));
    }

    [Fact]
    public async Task GetById_StatusChangedWithoutNote_ClearsStatusNotesUntilAPublicNote()
    {
        Instant created = Instant.FromUtc(2018, 11, 1, 12, 0);
        Case stored = await Open311TestData.AddCaseAsync(app, "rodent", created, created + Duration.FromDays(1));
        string? whenClosed = await StatusNotesAsync(stored.Reference);
        await Open311TestData.ChangeCaseAsync(app, stored.Id, c => c.ChangeStatus(
            CaseStatus.Open, null, Actor.System, Guid.CreateVersion7(), created + Duration.FromDays(2)));
        string? whenReopened = await StatusNotesAsync(stored.Reference);
        await Open311TestData.ChangeCaseAsync(app, stored.Id, c => c.AddNote(
            "Crew booked for Friday.", EventVisibility.Public, Actor.System, Guid.CreateVersion7(),
            created + Duration.FromDays(3)));
        string? afterPublicNote = await StatusNotesAsync(stored.Reference);

        Assert.Equal("Resolved by the test.", whenClosed);
        Assert.Null(whenReopened);
        Assert.Equal("Crew booked for Friday.", afterPublicNote);
    }

    [Fact]
    public async Task GetById_PortalRequestWithPhotos_GivesTheFirstPublicPhotoAsAnAbsoluteMediaUrl()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        (byte[] photo, byte[] withoutMetadata) = TestPhotos.JpegWithGps();
        HttpResponseMessage posted = await PortalForms.PostAsync(
            client, "heat-hot-water", tokens, PortalForms.HeatComplaint(),
            [("first.jpg", photo), ("second.jpg", photo)]);
        string reference = PortalForms.ReferenceFrom(posted);

        Open311Answer json = await Open311Http.GetAsync(client, $"{Open311Http.Base}requests/{reference}.json");
        Open311Answer xml = await Open311Http.GetAsync(client, $"{Open311Http.Base}requests/{reference}.xml");

        string? mediaUrl = json.Json()[0].GetProperty("media_url").GetString();
        Assert.NotNull(mediaUrl);
        Uri media = new(mediaUrl);
        Assert.True(media.IsAbsoluteUri);
        Assert.Equal(new Uri(PublicUrlOptions.Development).Authority, media.Authority);
        Assert.Equal(mediaUrl, (string?)xml.Xml().Root!.Element("request")!.Element("media_url"));
        string page = await (await PortalForms.GetAsync(client, $"/requests/{reference}")).Content
            .ReadAsStringAsync(TestContext.Current.CancellationToken);
        string[] shown = [.. Regex.Matches(page, "<img src=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
        Assert.Equal(2, shown.Length);
        Assert.Equal(shown[0], media.AbsolutePath);
        HttpResponseMessage served = await PortalForms.GetAsync(client, media.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(withoutMetadata, await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetById_RequestWithoutPhotos_HasNoMediaUrl()
    {
        Case stored = await Open311TestData.AddCaseAsync(app, "rodent", Instant.FromUtc(2018, 12, 1, 12, 0));
        using HttpClient client = app.CreateClient();

        Open311Answer answer =
            await Open311Http.GetAsync(client, $"{Open311Http.Base}requests/{stored.Reference}.json");

        Assert.Equal(JsonValueKind.Null, answer.Json()[0].GetProperty("media_url").ValueKind);
    }

    [Fact]
    public async Task Token_CaseId_ResolvesToTheReference()
    {
        Case stored = await Open311TestData.AddCaseAsync(app, "rodent", Instant.FromUtc(2018, 10, 1, 12, 0));
        using HttpClient client = app.CreateClient();

        Open311Answer answer = await Open311Http.GetAsync(client, $"{Open311Http.Base}tokens/{stored.Id}.xml");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(stored.Reference, (string?)answer.Xml().Root!.Element("request")!.Element("service_request_id"));
        Assert.Equal(stored.Id.ToString(), (string?)answer.Xml().Root!.Element("request")!.Element("token"));
    }

    private async Task<string[]> IdsAsync(string query)
    {
        using HttpClient client = app.CreateClient();
        Open311Answer answer = await Open311Http.GetAsync(client, $"{Open311Http.Base}requests.json?{query}");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
        return [.. answer.Json().EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];
    }

    private async Task<string?> StatusNotesAsync(string reference)
    {
        using HttpClient client = app.CreateClient();
        Open311Answer answer = await Open311Http.GetAsync(client, $"{Open311Http.Base}requests/{reference}.json");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
        return answer.Json()[0].GetProperty("status_notes").GetString();
    }

    private async Task SeedOnceAsync(Instant day, Func<Task> seed)
    {
        Instant end = day + Duration.FromDays(3);
        string[] existing = await IdsAsync($"start_date={day}&end_date={end}");
        if (existing.Length == 0)
        {
            await seed();
        }
    }
}

public sealed class GetRequestsTestsSqlite(SqliteWebApp app) : GetRequestsTests(app), IClassFixture<SqliteWebApp>;

public sealed class GetRequestsTestsPostgres(PostgresWebApp app) : GetRequestsTests(app), IClassFixture<PostgresWebApp>;
