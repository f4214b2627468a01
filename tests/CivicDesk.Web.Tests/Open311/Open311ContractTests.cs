using System.Net;
using System.Text.Json;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Testing;
using NodaTime;

namespace CivicDesk.Web.Tests.Open311;

/// <summary>Every kind of Open311 answer, in both formats, against the spec's schemas and against each other.</summary>
public abstract class Open311ContractTests(WebAppFixture app)
{
    [Fact]
    public async Task Discovery_BothFormats_MatchTheSchemasAndEachOther()
    {
        (Open311Answer json, Open311Answer xml) = await GetBothAsync("discovery");

        Assert.Equal(HttpStatusCode.OK, json.Status);
        Open311Contract.AssertJsonValid(json, "discovery.json");
        Open311Contract.AssertXmlValid(xml, "open311.xsd");
        Open311Contract.AssertSameContent(json, xml);
        string? url = json.Json().GetProperty("endpoints")[0].GetProperty("url").GetString();
        Assert.EndsWith("/open311/v2", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_BothFormats_ListTheActiveServicesWithTextCodes()
    {
        (Open311Answer json, Open311Answer xml) = await GetBothAsync("services");

        Assert.Equal(HttpStatusCode.OK, json.Status);
        Open311Contract.AssertJsonValid(json, "services.json");
        Open311Contract.AssertXmlValid(xml, "open311.xsd");
        Open311Contract.AssertSameContent(json, xml);
        JsonElement[] services = [.. json.Json().EnumerateArray()];
        Assert.Contains(services, s => s.GetProperty("service_code").GetString() == "heat-hot-water");
        Assert.All(services, s => Assert.Equal(JsonValueKind.String, s.GetProperty("service_code").ValueKind));
        Assert.All(services, s => Assert.Equal("realtime", s.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("heat-hot-water")]
    [InlineData(Open311TestData.MultiService)]
    public async Task ServiceDefinition_BothFormats_ListTheQuestionsAsAttributes(string serviceCode)
    {
        await Open311TestData.EnsureMultiServiceAsync(app);

        (Open311Answer json, Open311Answer xml) = await GetBothAsync($"services/{serviceCode}");

        Assert.Equal(HttpStatusCode.OK, json.Status);
        Open311Contract.AssertJsonValid(json, "service-definition.json");
        Open311Contract.AssertXmlValid(xml, "open311.xsd");
        Open311Contract.AssertSameContent(json, xml);
        JsonElement definition = json.Json();
        Assert.Equal(serviceCode, definition.GetProperty("service_code").GetString());
        Assert.NotEmpty(definition.GetProperty("attributes").EnumerateArray());
    }

    [Fact]
    public async Task ServiceDefinition_EveryDatatype_ListsValuesOnlyForLists()
    {
        await Open311TestData.EnsureMultiServiceAsync(app);

        (Open311Answer json, _) = await GetBothAsync($"services/{Open311TestData.MultiService}");

        Dictionary<string, JsonElement> attributes = json.Json().GetProperty("attributes").EnumerateArray()
            .ToDictionary(a => a.GetProperty("code").GetString()!);
        Assert.Equal("multivaluelist", attributes["hazards"].GetProperty("datatype").GetString());
        Assert.Equal(3, attributes["hazards"].GetProperty("values").GetArrayLength());
        Assert.Equal("number", attributes["bags"].GetProperty("datatype").GetString());
        Assert.False(attributes["bags"].TryGetProperty("values", out _));
        Assert.Equal("datetime", attributes["seen_at"].GetProperty("datatype").GetString());
        Assert.Equal("text", attributes["notes"].GetProperty("datatype").GetString());
    }

    [Fact]
    public async Task Requests_OpenClosedAndAddressOnlyCases_MatchTheSchemasAndEachOther()
    {
        Instant day = Instant.FromUtc(2019, 6, 3, 14, 0);
        await Open311TestData.AddCaseAsync(app, "graffiti", day);
        await Open311TestData.AddCaseAsync(app, "graffiti", day + Duration.FromHours(1), day + Duration.FromDays(2));
        await Open311TestData.AddCaseAsync(
            app,
            "graffiti",
            day + Duration.FromHours(2),
            location: new CaseLocation(null, "2 Test Avenue", "A-17", null));

        (Open311Answer json, Open311Answer xml) = await GetBothAsync(
            "requests", "start_date=2019-06-03T00:00:00-04:00&end_date=2019-06-04T00:00:00-04:00");

        Assert.Equal(3, json.Json().GetArrayLength());
        Open311Contract.AssertJsonValid(json, "requests.json");
        Open311Contract.AssertXmlValid(xml, "open311-requests.xsd");
        Open311Contract.AssertSameContent(json, xml);
        JsonElement closed = json.Json().EnumerateArray().Single(r => r.GetProperty("status").GetString() == "closed");
        Assert.Equal("Resolved by the test.", closed.GetProperty("status_notes").GetString());
        Assert.Equal("2019-06-05T10:00:00-04:00", closed.GetProperty("updated_datetime").GetString());
        Assert.Equal("2019-06-03T11:00:00-04:00", closed.GetProperty("requested_datetime").GetString());
    }

    [Fact]
    public async Task RequestById_BothFormats_MatchTheSchemasAndEachOther()
    {
        Case stored = await Open311TestData.AddCaseAsync(app, "rodent", Instant.FromUtc(2019, 1, 15, 17, 30));

        (Open311Answer json, Open311Answer xml) = await GetBothAsync($"requests/{stored.Reference}");

        Open311Contract.AssertJsonValid(json, "requests.json");
        Open311Contract.AssertXmlValid(xml, "open311-requests.xsd");
        Open311Contract.AssertSameContent(json, xml);
        JsonElement request = Assert.Single(json.Json().EnumerateArray());
        Assert.Equal("2019-01-15T12:30:00-05:00", request.GetProperty("requested_datetime").GetString());
        Assert.Equal(40.75, request.GetProperty("lat").GetDouble());
        Assert.Equal(-73.98, request.GetProperty("long").GetDouble());
    }

    [Fact]
    public async Task Token_BothFormats_MatchTheSchemasAndEachOther()
    {
        Case stored = await Open311TestData.AddCaseAsync(app, "rodent", Instant.FromUtc(2019, 2, 1, 12, 0));

        (Open311Answer json, Open311Answer xml) = await GetBothAsync($"tokens/{stored.Id}");

        Open311Contract.AssertJsonValid(json, "token-responses.json");
        Open311Contract.AssertXmlValid(xml, "open311-token.xsd");
        Open311Contract.AssertSameContent(json, xml);
        Assert.Equal(stored.Reference, json.Json()[0].GetProperty("service_request_id").GetString());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostRequest_EitherFormat_AnswersTheReceiptSchema(string format)
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        using HttpClient client = app.CreateClient();

        Open311Answer answer = await Open311Http.PostFormAsync(client, $"{Open311Http.Base}requests.{format}",
        [
            new("api_key", key.Key), new("service_code", "graffiti"), new("address_string", "3 Test Road"),
            new("attribute[descriptor]", "Graffiti"),
        ]);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        if (format == "json")
        {
            Open311Contract.AssertJsonValid(answer, "request-responses.json");
        }
        else
        {
            Open311Contract.AssertXmlValid(answer, "open311-request-receipt.xsd");
        }
    }

    [Fact]
    public async Task Errors_BothFormats_MatchTheSchemasAndEachOther()
    {
        (Open311Answer json, Open311Answer xml) = await GetBothAsync("services/no-such-service");

        Assert.Equal(HttpStatusCode.NotFound, json.Status);
        Assert.Equal(HttpStatusCode.NotFound, xml.Status);
        Open311Contract.AssertJsonValid(json, "errors.json");
        Open311Contract.AssertXmlValid(xml, "open311.xsd");
        Open311Contract.AssertSameContent(json, xml);
        Assert.Equal(404, json.Json()[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryOpen311OperationAndItsOutcomes()
    {
        using HttpClient client = app.CreateClient();

        Open311Answer answer = await Open311Http.GetAsync(client, "/openapi/v1.json");

        JsonElement paths = answer.Json().GetProperty("paths");
        (string Path, string Method, string[] Statuses)[] expected =
        [
            ("/open311/v2/discovery.{format}", "get", ["200", "400", "404"]),
            ("/open311/v2/services.{format}", "get", ["200", "400", "404"]),
            ("/open311/v2/services/{service_code}.{format}", "get", ["200", "400", "404"]),
            ("/open311/v2/requests.{format}", "post", ["201", "400", "403", "404"]),
            ("/open311/v2/requests.{format}", "get", ["200", "400", "404"]),
            ("/open311/v2/requests/{service_request_id}.{format}", "get", ["200", "400", "404"]),
            ("/open311/v2/tokens/{token}.{format}", "get", ["200", "400", "404"]),
        ];
        foreach ((string path, string method, string[] statuses) in expected)
        {
            JsonElement operation = paths.GetProperty(path).GetProperty(method);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
            string[] documented = [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order()];
            Assert.Equal(statuses, documented);
        }
    }

    private async Task<(Open311Answer Json, Open311Answer Xml)> GetBothAsync(string resource, string query = "")
    {
        using HttpClient client = app.CreateClient();
        string suffix = query.Length == 0 ? string.Empty : "?" + query;
        Open311Answer json = await Open311Http.GetAsync(client, $"{Open311Http.Base}{resource}.json{suffix}");
        Open311Answer xml = await Open311Http.GetAsync(client, $"{Open311Http.Base}{resource}.xml{suffix}");
        return (json, xml);
    }
}

public sealed class Open311ContractTestsSqlite(SqliteWebApp app)
    : Open311ContractTests(app), IClassFixture<SqliteWebApp>;

public sealed class Open311ContractTestsPostgres(PostgresWebApp app)
    : Open311ContractTests(app), IClassFixture<PostgresWebApp>;
