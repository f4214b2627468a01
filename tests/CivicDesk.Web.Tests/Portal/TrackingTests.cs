using System.Globalization;
using System.Net;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CivicDesk.Web.Tests.Portal;

public abstract class TrackingTests(WebAppFixture app)
{
    private static readonly Actor Staffer = new(ActorKind.Staff, Guid.NewGuid(), "Jane Staffer", "192.0.2.10");

    [Fact]
    public async Task Request_WithPublicAndInternalEvents_ShowsOnlyThePublicOnesWithoutStaffNames()
    {
        using HttpClient client = app.CreateClient();
        string reference = await SubmitAsync(client);
        await using (AsyncServiceScope scope = app.CreateScope())
        {
            CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
            Case item = await db.Cases.SingleAsync(c => c.Reference == reference, Cancel);
            Instant now = SystemClock.Instance.GetCurrentInstant();
            db.CaseEvents.Add(item.ChangeStatus(
                CaseStatus.InProgress, "A heating technician is scheduled.", Staffer, Guid.CreateVersion7(), now));
            db.CaseEvents.Add(item.AddNote(
                "Landlord Mr Example owes back taxes.", EventVisibility.Internal, Staffer, Guid.CreateVersion7(), now));
            await db.SaveChangesAsync(Cancel);
        }

        HttpResponseMessage response = await PortalForms.GetAsync(client, $"/requests/{reference}");

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span class=\"usa-tag\">In progress</span>", html, StringComparison.Ordinal);
        Assert.Contains("Heat or hot water", html, StringComparison.Ordinal);
        Assert.Contains("Request received (from: resident).", html, StringComparison.Ordinal);
        Assert.Contains("Status changed to “In progress” (by: City staff).", html, StringComparison.Ordinal);
        Assert.Contains("A heating technician is scheduled.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Landlord Mr Example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Staffer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@example.org", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_SubmittedTime_IsShownInNewYorkTimeWithItsOffset()
    {
        using HttpClient client = app.CreateClient();
        string reference = await SubmitAsync(client);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Instant created = (await db.Cases.SingleAsync(c => c.Reference == reference, Cancel)).CreatedAt;
        ZonedDateTime local = created.InZone(DateTimeZoneProviders.Tzdb["America/New_York"]);

        string html = await GetTextAsync(client, $"/requests/{reference}");

        string expected = local.ToDateTimeOffset()
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<time datetime=\"{expected}\">", html, StringComparison.Ordinal);
        Assert.Contains($"(UTC{expected[^6..]})", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_TypedInLowerCaseWithSpaces_RedirectsToTheRequest()
    {
        using HttpClient client = app.CreateClient();
        string reference = await SubmitAsync(client);
        string typed = reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);

        HttpResponseMessage response =
            await PortalForms.GetAsync(client, $"/track?reference={Uri.EscapeDataString(typed)}");

        Assert.True(
            response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
            response.StatusCode.ToString());
        Assert.Equal($"/requests/{reference}", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Track_EmptyReference_AsksForOneOnTheSamePage()
    {
        using HttpClient client = app.CreateClient();

        string html = await GetTextAsync(client, "/track?reference=+");

        Assert.Contains("id=\"reference-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Enter a reference number.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ImportedNumericReference_IsFoundAsTypedOrAsNormalised()
    {
        using HttpClient client = app.CreateClient(followRedirects: true);
        string reference = await ImportCaseAsync();

        string direct = await GetTextAsync(client, $"/requests/{reference}");
        string tracked = await GetTextAsync(client, $"/track?reference={reference}");

        Assert.Contains($"<h1>Request {reference}</h1>", direct, StringComparison.Ordinal);
        Assert.Contains("<span class=\"usa-tag\">Closed</span>", direct, StringComparison.Ordinal);
        Assert.Contains($"<h1>Request {reference}</h1>", tracked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "This request was imported from an earlier system. Some of its details may be inaccurate.")]
    [InlineData("es", "Esta solicitud se importó de un sistema anterior. Algunos de sus datos pueden ser inexactos.")]
    public async Task Request_ImportedClosedBeforeCreated_SaysSoAndListsItsCreationFirst(string language, string notice)
    {
        using HttpClient client = app.CreateClient();
        string doubtful = await ImportRowAsync("02/27/2023 09:00:00 AM");
        string clean = await ImportRowAsync("02/28/2023 11:00:00 AM");

        string html = await GetTextAsync(client, $"/requests/{doubtful}?culture={language}");
        string cleanHtml = await GetTextAsync(client, $"/requests/{clean}?culture={language}");

        Assert.Contains(notice, html, StringComparison.Ordinal);
        Assert.DoesNotContain(notice, cleanHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("closed_before_created", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ClosedBeforeCreated", html, StringComparison.Ordinal);
        string timeline = html[html.IndexOf("portal-timeline", StringComparison.Ordinal)..];
        int created = timeline.IndexOf("<time datetime=\"2023-02-28T10:00:00-05:00\">", StringComparison.Ordinal);
        int closed = timeline.IndexOf("<time datetime=\"2023-02-27T09:00:00-05:00\">", StringComparison.Ordinal);
        Assert.True(created >= 0 && closed > created, "The creation comes first, each with its recorded time.");
    }

    [Fact]
    public async Task Request_ImportedEnglishNoteOnSpanishPage_IsMarkedAsEnglish()
    {
        using HttpClient client = app.CreateClient();
        const string Note = "The Department of Sanitation cleaned the location.";
        string imported = await ImportRowAsync("02/28/2023 11:00:00 AM", Note);

        string spanish = await GetTextAsync(client, $"/requests/{imported}?culture=es");
        string english = await GetTextAsync(client, $"/requests/{imported}?culture=en");

        Assert.Contains($"<blockquote class=\"portal-quote\" lang=\"en\">{Note}</blockquote>", spanish,
            StringComparison.Ordinal);
        Assert.Contains($"<blockquote class=\"portal-quote\">{Note}</blockquote>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_UnknownReference_AnswersAHelpful404()
    {
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await PortalForms.GetAsync(client, "/requests/ZZZZ-ZZZZ?culture=es");

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>No encontramos esta solicitud</h1>", html, StringComparison.Ordinal);
        Assert.Contains("«ZZZZ-ZZZZ»", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/track\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_OfAnotherRequest_AnswersNotFound()
    {
        using HttpClient client = app.CreateClient();
        string reference = await SubmitAsync(client);

        HttpResponseMessage response =
            await PortalForms.GetAsync(client, $"/requests/{reference}/photos/{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> SubmitAsync(HttpClient client)
    {
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields["email"] = "ana@example.org";
        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);
        return PortalForms.ReferenceFrom(response);
    }

    /// <summary>A closed case with a numeric reference, as the NYC 311 importer stores a historical record.</summary>
    private async Task<string> ImportCaseAsync()
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Service service = await db.Services.SingleAsync(s => s.Code == "noise-residential", Cancel);
        Queue queue = await db.Queues.FirstAsync(q => q.DepartmentId == service.DepartmentId, Cancel);
        string reference = Random.Shared.Next(50_000_000, 60_000_000)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        Instant received = Instant.FromUtc(2023, 3, 4, 14, 30);
        NewCase details = new(
            Guid.CreateVersion7(), service.JurisdictionId, service.Id, service.DepartmentId, queue.Id, reference,
            Channel.Phone, null, new CaseLocation(null, "1 Example Avenue", null, "11201"), CaseAnswers.Empty, null,
            received);
        (Case item, CaseEvent created) = Case.Submit(details, Actor.System, Guid.CreateVersion7());
        db.Cases.Add(item);
        db.CaseEvents.Add(created);
        Instant closed = received.Plus(Duration.FromHours(3));
        db.CaseEvents.Add(item.ChangeStatus(CaseStatus.Closed, null, Actor.System, Guid.CreateVersion7(), closed));
        await db.SaveChangesAsync(Cancel);
        return reference;
    }

    /// <summary>Imports one closed NYC 311 record created on 28 February 2023 at 10:00 through the importer.</summary>
    private async Task<string> ImportRowAsync(string closedDate, string resolution = "")
    {
        string key = Random.Shared.Next(70_000_000, 80_000_000).ToString(CultureInfo.InvariantCulture);
        using StreamReader sample = new(RepositoryPaths.Samples("nyc311", "nyc311_2023_sample_5k.csv"));
        string[] header = (await sample.ReadLineAsync(Cancel))!.Split(',');
        Dictionary<string, string> row = header.ToDictionary(h => h, _ => string.Empty);
        (row["Unique Key"], row["Created Date"], row["Closed Date"]) = (key, "02/28/2023 10:00:00 AM", closedDate);
        (row["Agency"], row["Agency Name"]) = ("DSNY", "Department of Sanitation");
        (row["Complaint Type"], row["Status"], row["Incident Zip"]) = ("Dirty Condition", "Closed", "10001");
        row["Resolution Description"] = resolution;
        Directory.CreateDirectory(app.DataFolder);
        string path = Path.Combine(app.DataFolder, $"history-{key}.csv");
        await File.WriteAllLinesAsync(
            path, [string.Join(',', header), string.Join(',', header.Select(h => row[h]))], Cancel);

        await using AsyncServiceScope scope = app.CreateScope();
        ImportCasesHandler importer = scope.ServiceProvider.GetRequiredService<ImportCasesHandler>();
        Result<ImportSummary> imported = await importer.HandleAsync(
            new ImportCases(RepositoryPaths.Samples("imports", "nyc311.json"), path, path + ".rejected.csv"), Cancel);
        Assert.Equal(1, imported.Value.Inserted);
        return key;
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        HttpResponseMessage response = await PortalForms.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalForms.TextAsync(response);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}

public sealed class TrackingTestsSqlite(SqliteWebApp app) : TrackingTests(app), IClassFixture<SqliteWebApp>;

public sealed class TrackingTestsPostgres(PostgresWebApp app) : TrackingTests(app), IClassFixture<PostgresWebApp>;
