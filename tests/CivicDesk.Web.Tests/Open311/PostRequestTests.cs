using System.Net;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Open311;

public abstract class PostRequestTests(WebAppFixture app)
{
    private const string Path = Open311Http.Base + "requests.json";

    [Fact]
    public async Task Post_PointAndContact_StoresAnApiCaseByThePartnerWithAnAuditEntry()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app, "Round-trip partner");

        Open311Answer answer = await PostAsync(
        [
            new("api_key", key.Key), new("jurisdiction_id", "nyc.gov"), new("service_code", "heat-hot-water"),
            new("lat", "40.7128"), new("long", "-74.0060"), new("attribute[descriptor]", "ENTIRE BUILDING"),
            new("description", "No heat since Monday."), new("media_url", "https://example.org/photo.jpg"),
            new("email", "resident@example.org"), new("first_name", "Ada"), new("last_name", "Tester"),
            new("phone", "212-555-0142"), new("device_id", "device-77"), new("account_id", "acct-5"),
        ]);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        string reference = answer.Json()[0].GetProperty("service_request_id").GetString()!;
        Assert.Equal($"/open311/v2/requests/{reference}.json", answer.Message.Headers.Location?.OriginalString);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Case stored = await db.Cases.SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
        Assert.Equal(Channel.Api, stored.Channel);
        Assert.Equal(40.7128, stored.Latitude);
        Assert.Equal(-74.0060, stored.Longitude);
        Assert.Equal("https://example.org/photo.jpg", stored.MediaUrl);
        Assert.Equal("ENTIRE BUILDING", stored.Answers.First("descriptor"));
        Assert.Equal(("nyc-311", 1), (stored.CaseTypeKey, stored.CaseTypeVersion));
        CaseEvent created = await db.CaseEvents.SingleAsync(
            e => e.CaseId == stored.Id && e.Kind == CaseEventKind.Created, TestContext.Current.CancellationToken);
        Assert.Equal(
            (ActorKind.Partner, key.Id, "Round-trip partner"),
            (created.ActorKind, created.ActorId, created.ActorLabel));
        AuditEntry audit = await db.AuditEntries.SingleAsync(
            a => a.TargetId == stored.Id && a.Action == "case.created", TestContext.Current.CancellationToken);
        Assert.Equal((ActorKind.Partner, key.Id), (audit.ActorKind, audit.ActorId));
        CaseContact contact = await db.CaseContacts.SingleAsync(
            c => c.CaseId == stored.Id, TestContext.Current.CancellationToken);
        Assert.Equal(("resident@example.org", "+12125550142"), (contact.Email, contact.PhoneE164));
    }

    [Fact]
    public async Task Get_CaseWithContact_ShowsNoPersonalData()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        Open311Answer posted = await PostAsync(
        [
            new("api_key", key.Key), new("service_code", "heat-hot-water"), new("address_string", "5 Privacy Lane"),
            new("attribute[descriptor]", "APARTMENT ONLY"), new("email", "hidden.person@privacy.example"),
            new("first_name", "Hiddenfirst"), new("last_name", "Hiddenlast"), new("phone", "+1 212 555 0199"),
            new("device_id", "hidden-device"), new("account_id", "hidden-account"),
        ]);
        string reference = posted.Json()[0].GetProperty("service_request_id").GetString()!;
        using HttpClient client = app.CreateClient();

        Open311Answer json = await Open311Http.GetAsync(client, $"{Open311Http.Base}requests/{reference}.json");
        Open311Answer xml = await Open311Http.GetAsync(client, $"{Open311Http.Base}requests.xml");

        foreach (string secret in new[] { "hidden", "Hidden", "5550199", "privacy.example" })
        {
            Assert.DoesNotContain(secret, json.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, xml.Body, StringComparison.Ordinal);
        }

        Assert.Contains("5 Privacy Lane", json.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("address_string", "10 Test Street, Manhattan")]
    [InlineData("address_id", "BIN-1001234")]
    public async Task Post_AddressInsteadOfPoint_StoresTheAddress(string field, string value)
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer answer = await PostAsync(
        [
            new("api_key", key.Key), new("service_code", "rodent"), new(field, value),
            new("attribute[descriptor]", "Rat Sighting"), new("lat", string.Empty), new("long", string.Empty),
        ]);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Case stored = await FindAsync(answer);
        Assert.Null(stored.Latitude);
        Assert.Equal(value, field == "address_id" ? stored.AddressId : stored.Address);
    }

    [Fact]
    public async Task Post_MultiValueAttribute_StoresEveryValue()
    {
        await Open311TestData.EnsureMultiServiceAsync(app);
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer answer = await PostAsync(
        [
            new("api_key", key.Key), new("service_code", Open311TestData.MultiService), new("address_string", "Pier 1"),
            new("attribute[hazards][]", "GLASS"), new("attribute[hazards][]", "SHARPS"), new("attribute[bags]", "3"),
            new("attribute[seen_at]", "2024-05-01T08:30:00-04:00"), new("attribute[notes]", "Near the gate."),
        ]);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Case stored = await FindAsync(answer);
        Assert.Equal(["GLASS", "SHARPS"], stored.Answers.Values["hazards"]);
        Assert.Equal("3", stored.Answers.First("bags"));
        Assert.Equal("Near the gate.", stored.Answers.First("notes"));
    }

    [Fact]
    public async Task Post_AnswersAgainstTheDefinition_ListsEveryProblemByField()
    {
        await Open311TestData.EnsureMultiServiceAsync(app);
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer answer = await PostAsync(
        [
            new("api_key", key.Key), new("service_code", Open311TestData.MultiService), new("address_string", "Pier 2"),
            new("attribute[bags]", "many"), new("attribute[seen_at]", "yesterday"), new("attribute[colour]", "red"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        IReadOnlyList<string> errors = answer.ErrorDescriptions();
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("attribute[hazards]:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("attribute[bags]:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("attribute[seen_at]:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("attribute[colour]:", StringComparison.Ordinal));
        Assert.All(answer.Json().EnumerateArray(), e => Assert.Equal(400, e.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Post_SeveralValuesForASingleValueList_IsRefused()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer answer = await PostAsync(
        [
            new("api_key", key.Key), new("service_code", "heat-hot-water"), new("address_string", "7 Test Street"),
            new("attribute[descriptor][]", "ENTIRE BUILDING"), new("attribute[descriptor][]", "APARTMENT ONLY"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        string error = Assert.Single(answer.ErrorDescriptions());
        Assert.StartsWith("attribute[descriptor]:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "api_key was not provided.")]
    [InlineData("", "api_key was not provided.")]
    [InlineData("not-a-key", "api_key is not valid.")]
    [InlineData("cdk_aaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "api_key is not valid.")]
    public async Task Post_MissingOrUnknownKey_Answers403(string? apiKey, string description)
    {
        List<KeyValuePair<string, string>> form = [.. ValidRodentForm()];
        if (apiKey is not null)
        {
            form.Add(new("api_key", apiKey));
        }

        Open311Answer answer = await PostAsync(form);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(description, Assert.Single(answer.ErrorDescriptions()));
        Assert.Equal(403, answer.Json()[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Post_WrongSecretOfAnExistingKey_Answers403()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        char last = key.Key[^1] == 'A' ? 'B' : 'A';

        Open311Answer answer = await PostAsync([.. ValidRodentForm(), new("api_key", key.Key[..^1] + last)]);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
    }

    [Fact]
    public async Task Post_RevokedKey_Answers403AndStoresNothing()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        Open311Answer before = await PostAsync([.. ValidRodentForm(), new("api_key", key.Key)]);
        await Open311TestData.RevokeAsync(app, key.Prefix);

        Open311Answer after = await PostAsync([.. ValidRodentForm(), new("api_key", key.Key)]);

        Assert.Equal(HttpStatusCode.Created, before.Status);
        Assert.Equal(HttpStatusCode.Forbidden, after.Status);
        Assert.Equal("api_key has been revoked.", Assert.Single(after.ErrorDescriptions()));
    }

    [Fact]
    public async Task Post_KeyInTheQueryString_IsAccepted()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        using HttpClient client = app.CreateClient();

        Open311Answer answer = await Open311Http.PostFormAsync(
            client, $"{Path}?api_key={Uri.EscapeDataString(key.Key)}", ValidRodentForm());

        Assert.Equal(HttpStatusCode.Created, answer.Status);
    }

    [Fact]
    public async Task Post_UnknownServiceCode_Answers404NamingIt()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer answer = await PostAsync(
            [new("api_key", key.Key), new("service_code", "no-such-code"), new("address_string", "1 Main")]);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("service_code 'no-such-code' was not found.", Assert.Single(answer.ErrorDescriptions()));
    }

    [Fact]
    public async Task Post_NoServiceCodeAndNoLocation_Answers400NamingTheFields()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer noService = await PostAsync([new("api_key", key.Key), new("address_string", "1 Main")]);
        Open311Answer noPlace = await PostAsync(
            [new("api_key", key.Key), new("service_code", "rodent"), new("attribute[descriptor]", "Rat Sighting")]);

        Assert.Equal(HttpStatusCode.BadRequest, noService.Status);
        Assert.StartsWith("service_code:", Assert.Single(noService.ErrorDescriptions()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noPlace.Status);
        Assert.StartsWith("location:", Assert.Single(noPlace.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PointOutsideTheJurisdiction_Answers400NamingLat()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer answer = await PostAsync(
        [
            new("api_key", key.Key), new("service_code", "rodent"), new("attribute[descriptor]", "Rat Sighting"),
            new("lat", "34.05"), new("long", "-118.24"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("lat:", Assert.Single(answer.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EmptyOptionalFields_CountAsMissing()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer answer = await PostAsync(
        [
            .. ValidRodentForm(), new("api_key", key.Key), new("jurisdiction_id", string.Empty),
            new("email", string.Empty),
            new("phone", string.Empty), new("media_url", string.Empty), new("description", string.Empty),
            new("attribute[location_type]", string.Empty),
        ]);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Case stored = await FindAsync(answer);
        Assert.Null(stored.MediaUrl);
        Assert.Null(stored.Description);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Assert.False(await db.CaseContacts.AnyAsync(c => c.CaseId == stored.Id, TestContext.Current.CancellationToken));
    }

    private static KeyValuePair<string, string>[] ValidRodentForm() =>
    [
        new("service_code", "rodent"), new("lat", "40.73"), new("long", "-73.99"),
        new("attribute[descriptor]", "Rat Sighting"),
    ];

    private async Task<Open311Answer> PostAsync(IEnumerable<KeyValuePair<string, string>> form)
    {
        using HttpClient client = app.CreateClient();
        return await Open311Http.PostFormAsync(client, Path, form);
    }

    private async Task<Case> FindAsync(Open311Answer answer)
    {
        string reference = answer.Json()[0].GetProperty("service_request_id").GetString()!;
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        return await db.Cases.AsNoTracking()
            .SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
    }
}

public sealed class PostRequestTestsSqlite(SqliteWebApp app) : PostRequestTests(app), IClassFixture<SqliteWebApp>;

public sealed class PostRequestTestsPostgres(PostgresWebApp app) : PostRequestTests(app), IClassFixture<PostgresWebApp>;
