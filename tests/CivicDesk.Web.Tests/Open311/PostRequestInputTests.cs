using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Open311;

/// <summary>What POST requests accepts and refuses field by field, beyond the corpus of malformed calls.</summary>
public abstract class PostRequestInputTests(WebAppFixture app)
{
    private const string Path = $"{Open311Http.Base}requests.json";

    [Theory]
    [InlineData("10001")]
    [InlineData("10001-1234")]
    public async Task Post_UsZipCode_IsStoredAndReturned(string zipcode)
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer answer = await PostAsync([.. RodentForm(key), new("zipcode", zipcode)]);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        string reference = answer.Json()[0].GetProperty("service_request_id").GetString()!;
        Assert.Equal(zipcode, (await FindAsync(reference)).ZipCode);
        using HttpClient client = app.CreateClient();
        Open311Answer read = await Open311Http.GetAsync(client, $"{Open311Http.Base}requests/{reference}.json");
        Assert.Equal(zipcode, read.Json()[0].GetProperty("zipcode").GetString());
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("100011")]
    [InlineData("10001-12")]
    [InlineData("ABCDE")]
    [InlineData("10001 1234")]
    [InlineData("１０００１")]
    public async Task Post_ZipCodeNotOfTheUsForm_Answers400NamingIt(string zipcode)
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);

        Open311Answer answer = await PostAsync([.. RodentForm(key), new("zipcode", zipcode)]);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("zipcode: ", Assert.Single(answer.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("description=No+heat+%C3%28+since+Monday", "description")]
    [InlineData("first_name=Ana%FF", "first_name")]
    [InlineData("phone=%ED%A0%80", "phone")]
    [InlineData("attribute%5Blocation_type%5D=%C0%AF", "attribute[location_type]")]
    [InlineData("zipcode=1000%00", "zipcode")]
    [InlineData("description=Bell%07", "description")]
    [InlineData("service_code=%FF%FE", "service_code")]
    public async Task Post_PercentEncodedBytesNotUtf8OrControlCharacters_Answer400NamingTheField(
        string field,
        string name)
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        string body = $"api_key={Uri.EscapeDataString(key.Key)}&address_string=5+Test+Lane"
            + "&attribute%5Bdescriptor%5D=Rat+Sighting"
            + (name == "service_code" ? string.Empty : "&service_code=rodent") + "&" + field;

        Open311Answer answer = await PostRawAsync(Encoding.ASCII.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith($"{name}: ", Assert.Single(answer.ErrorDescriptions()), StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RawBytesNotUtf8InTheBody_Answer400NamingTheField()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        byte[] body =
        [
            .. Encoding.ASCII.GetBytes(
                $"api_key={Uri.EscapeDataString(key.Key)}&service_code=rodent&address_string=5+Test+Lane"
                + "&attribute%5Bdescriptor%5D=Rat+Sighting&description=Caf"),
            0xE9, .. "+sign"u8,
        ];

        Open311Answer answer = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("description: ", Assert.Single(answer.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AccentsAndEmoji_AreStoredAsSent()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        const string Description = "Rata en la cocina 🐀\r\nEdificio: Calle Ñandú";

        Open311Answer answer = await PostAsync([.. RodentForm(key), new("description", Description)]);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        string reference = answer.Json()[0].GetProperty("service_request_id").GetString()!;
        Assert.Equal(Description, (await FindAsync(reference)).Description);
    }

    [Theory]
    [InlineData("api_key")]
    [InlineData("service_code")]
    [InlineData("attribute[descriptor]")]
    public async Task Post_ParameterInBothQueryStringAndBody_Answers400NamingItEvenWithTheSameValue(string name)
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        KeyValuePair<string, string>[] form = RodentForm(key);
        string value = form.Single(f => f.Key == name).Value;
        using HttpClient client = app.CreateClient();

        Open311Answer answer = await Open311Http.PostFormAsync(
            client, $"{Path}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}", form);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(
            $"{name}: was given both in the query string and in the form body; send it in one of them.",
            Assert.Single(answer.ErrorDescriptions()));
    }

    [Fact]
    public async Task Post_ServiceCodeTwiceWithDifferentValues_Answers400WithThatOneError()
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        KeyValuePair<string, string>[] form = [.. RodentForm(key), new("service_code", "heat-hot-water")];
        using HttpClient client = app.CreateClient();

        Open311Answer answer = await Open311Http.PostFormAsync(client, Path, form);

        // The code was given, twice: saying it "was not provided" as well would send the partner the wrong way.
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(
            "service_code: was given more than once with different values.",
            Assert.Single(answer.ErrorDescriptions()));
    }

    [Theory]
    [InlineData("DELETE", "requests.json", "GET, POST")]
    [InlineData("PUT", "requests/ABCD-1234.xml", "GET")]
    [InlineData("PATCH", "services/rodent.json", "GET")]
    [InlineData("POST", "discovery.xml", "GET")]
    public async Task Call_WrongMethod_Answers405WithAllowAndTheErrorList(string method, string path, string allow)
    {
        using HttpClient client = app.CreateClient();

        Open311Answer answer = await Open311Http.SendAsync(
            client, new HttpRequestMessage(new HttpMethod(method), new Uri(Open311Http.Base + path, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal(allow, string.Join(", ", answer.Message.Content.Headers.Allow));
        string description = Assert.Single(answer.ErrorDescriptions());
        Assert.StartsWith($"method: {method} is not supported here", description, StringComparison.Ordinal);
        string expectedType = path.EndsWith(".xml", StringComparison.Ordinal) ? "text/xml" : "application/json";
        Assert.Equal(expectedType, answer.MediaType);
    }

    private static KeyValuePair<string, string>[] RodentForm(IssuedApiKey key) =>
    [
        new("api_key", key.Key), new("service_code", "rodent"), new("address_string", "5 Test Lane"),
        new("attribute[descriptor]", "Rat Sighting"),
    ];

    private async Task<Open311Answer> PostAsync(IEnumerable<KeyValuePair<string, string>> form)
    {
        using HttpClient client = app.CreateClient();
        return await Open311Http.PostFormAsync(client, Path, form);
    }

    private async Task<Open311Answer> PostRawAsync(byte[] body)
    {
        using HttpClient client = app.CreateClient();
        ByteArrayContent content = new(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return await Open311Http.SendAsync(
            client, new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = content });
    }

    private async Task<Case> FindAsync(string reference)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Reference == reference, Cancel);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}

public sealed class PostRequestInputTestsSqlite(SqliteWebApp app)
    : PostRequestInputTests(app), IClassFixture<SqliteWebApp>;

public sealed class PostRequestInputTestsPostgres(PostgresWebApp app)
    : PostRequestInputTests(app), IClassFixture<PostgresWebApp>;
