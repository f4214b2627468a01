using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Testing;

namespace CivicDesk.Web.Tests.Open311;

/// <summary>
/// A corpus of bad calls across every Open311 route: each must answer the expected 4xx with the spec's
/// error list in the format the path asks for (JSON when it cannot tell), and never a 500.
/// </summary>
public abstract class MalformedInputTests(WebAppFixture app)
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Key = "{key}";
    private const string Rodent = $"api_key={Key}&service_code=rodent&attribute%5Bdescriptor%5D=Rat+Sighting";

    public static TheoryData<string, string, string, string?, string?, int> Corpus => new()
    {
        { "unknown format", "GET", "services.html", null, null, 400 },
        { "format with a second suffix", "GET", "services.json.xml", null, null, 400 },
        { "no format suffix", "GET", "services", null, null, 404 },
        { "API root", "GET", "", null, null, 404 },
        { "Open311 root", "GET", "/open311", null, null, 404 },
        { "other version", "GET", "/open311/v3/services.json", null, null, 404 },
        { "definition without suffix", "GET", "services/heat-hot-water", null, null, 404 },
        { "definition, unknown format", "GET", "services/heat-hot-water.yaml", null, null, 400 },
        { "nested path", "GET", "services/heat-hot-water/extra.json", null, null, 404 },
        { "date only", "GET", "requests.json?start_date=2018-01-01", null, null, 400 },
        { "date without offset", "GET", "requests.json?start_date=2018-01-01T00:00:00", null, null, 400 },
        { "month 13", "GET", "requests.xml?start_date=2018-13-01T00:00:00Z", null, null, 400 },
        { "30 February", "GET", "requests.json?end_date=2018-02-30T00:00:00Z", null, null, 400 },
        { "hour 24", "GET", "requests.json?end_date=2018-02-03T24:00:00Z", null, null, 400 },
        { "words for a date", "GET", "requests.json?end_date=yesterday", null, null, 400 },
        { "year 1", "GET", "requests.json?start_date=0001-01-01T00:00:00Z", null, null, 400 },
        { "year 9999", "GET", "requests.json?start_date=9999-12-31T23:59:59-12:00", null, null, 400 },
        { "offset +25:00", "GET", "requests.json?start_date=2018-01-01T00:00:00%2B25:00", null, null, 400 },
        { "ten fraction digits", "GET", "requests.json?start_date=2018-01-01T00:00:00.1234567890Z", null, null, 400 },
        { "bad percent-encoding", "GET", "requests.json?start_date=%ZZ", null, null, 400 },
        { "truncated UTF-8", "GET", "requests.json?start_date=%E0%A4%A", null, null, 400 },
        { "unknown status", "GET", "requests.json?status=pending", null, null, 400 },
        { "page zero", "GET", "requests.json?page=0", null, null, 400 },
        { "negative page", "GET", "requests.json?page=-1", null, null, 400 },
        { "page in words", "GET", "requests.xml?page=two", null, null, 400 },
        { "page size too large", "GET", "requests.json?page_size=1001", null, null, 400 },
        { "page size overflow", "GET", "requests.json?page_size=99999999999999999999", null, null, 400 },
        { "page beyond the last", "GET", "requests.json?page=2147483647&page_size=1000", null, null, 400 },
        {
            "two jurisdictions", "GET", "services.json?jurisdiction_id=nyc.gov&jurisdiction_id=other.gov", null,
            null, 400
        },
        { "unknown jurisdiction", "GET", "requests.xml?jurisdiction_id=nowhere.example", null, null, 404 },
        {
            "repeated start date", "GET",
            "requests.json?start_date=2018-01-01T00:00:00Z&start_date=2018-02-01T00:00:00Z", null,
            null, 400
        },
        { "NUL in a parameter", "GET", "services.json?jurisdiction_id=%00", null, null, 400 },
        { "NUL in a list parameter", "GET", "requests.xml?service_code=a%00b", null, null, 400 },
        { "list parameter not UTF-8", "GET", "requests.json?service_code=%C3%28", null, null, 400 },
        {
            "description not UTF-8", "POST", "requests.xml", Form,
            Rodent + "&address_string=1+Main&description=%E2%82", 400
        },
        {
            "control character in an answer", "POST", "requests.json", Form,
            $"api_key={Key}&service_code=rodent&address_string=1+Main&attribute%5Bdescriptor%5D=Rat%1BSighting", 400
        },
        { "offset without colon", "GET", "requests.json?start_date=2018-01-01T00:00:00-0500", null, null, 400 },
        { "token not a UUID", "GET", "tokens/not-a-uuid.xml", null, null, 404 },
        {
            "too many ids", "GET",
            "requests.json?service_request_id=" + string.Join(",", Enumerable.Range(0, 1001)), null,
            null, 400
        },
        { "DELETE requests", "DELETE", "requests.json", null, null, 405 },
        { "PUT services", "PUT", "services.json", Form, "a=b", 405 },
        { "POST discovery", "POST", "discovery.json", Form, "a=b", 405 },
        { "POST one request", "POST", "requests/ABCD-1234.json", Form, Rodent, 405 },
        { "PATCH nowhere", "PATCH", "whatever", null, null, 404 },
        { "POST without body", "POST", "requests.json", null, null, 400 },
        { "POST JSON", "POST", "requests.json", "application/json", "{\"service_code\":\"rodent\"}", 400 },
        { "POST multipart", "POST", "requests.json", "multipart/form-data; boundary=x", "--x\r\n\r\n--x--", 400 },
        { "POST plain text", "POST", "requests.xml", "text/plain", Rodent, 400 },
        { "POST Latin-1", "POST", "requests.json", Form + "; charset=iso-8859-1", Rodent, 400 },
        { "POST unknown charset", "POST", "requests.json", Form + "; charset=klingon", Rodent, 400 },
        { "POST unknown format", "POST", "requests.txt", Form, Rodent + "&address_string=1+Main", 400 },
        {
            "too many fields", "POST", "requests.json", Form,
            Rodent + string.Concat(Enumerable.Range(0, 300).Select(i => $"&f{i}=1")), 400
        },
        { "too large a body", "POST", "requests.json", Form, Rodent + "&description=" + new string('a', 300_000), 400 },
        { "too large a field", "POST", "requests.json", Form, Rodent + "&description=" + new string('a', 40_000), 400 },
        { "too long a name", "POST", "requests.json", Form, Rodent + "&" + new string('n', 300) + "=1", 400 },
        { "no key", "POST", "requests.xml", Form, "service_code=rodent&address_string=1+Main", 403 },
        { "two keys", "POST", "requests.json", Form, Rodent + "&api_key=other&address_string=1+Main", 400 },
        { "lat in words", "POST", "requests.json", Form, Rodent + "&lat=north&long=-73.9", 400 },
        { "lat NaN", "POST", "requests.json", Form, Rodent + "&lat=NaN&long=NaN", 400 },
        { "lat infinite", "POST", "requests.json", Form, Rodent + "&lat=1e999&long=-73.9", 400 },
        { "decimal comma", "POST", "requests.json", Form, Rodent + "&lat=40%2C73&long=-73.9", 400 },
        { "lat without long", "POST", "requests.json", Form, Rodent + "&lat=40.73", 400 },
        { "lat beyond 90", "POST", "requests.json", Form, Rodent + "&lat=95&long=-73.9", 400 },
        { "no location", "POST", "requests.json", Form, Rodent, 400 },
        {
            "two service codes", "POST", "requests.json", Form,
            Rodent + "&service_code=graffiti&address_string=1+Main", 400
        },
        { "no service code", "POST", "requests.json", Form, $"api_key={Key}&address_string=1+Main", 400 },
        {
            "service code not UTF-8", "POST", "requests.json", Form,
            $"api_key={Key}&service_code=%FF%FE&address_string=1+Main", 400
        },
        {
            "NUL in a service code", "POST", "requests.json", Form,
            $"api_key={Key}&service_code=a%00&address_string=1+Main", 400
        },
        {
            "open attribute bracket", "POST", "requests.json", Form,
            Rodent + "&address_string=1+Main&attribute%5B=1", 400
        },
        {
            "empty attribute code", "POST", "requests.json", Form,
            Rodent + "&address_string=1+Main&attribute%5B%5D=1", 400
        },
        {
            "nested attribute", "POST", "requests.json", Form,
            Rodent + "&address_string=1+Main&attribute%5Ba%5D%5Bb%5D=1", 400
        },
        {
            "indexed attribute", "POST", "requests.json", Form,
            Rodent + "&address_string=1+Main&attribute%5Bdescriptor%5D%5B0%5D=x", 400
        },
        {
            "attribute not in the definition", "POST", "requests.json", Form,
            Rodent + "&address_string=1+Main&attribute%5Bcolour%5D=red", 400
        },
        {
            "answer not a choice", "POST", "requests.json", Form,
            $"api_key={Key}&service_code=rodent&address_string=1+Main&attribute%5Bdescriptor%5D=Unicorn", 400
        },
        {
            "answer too long", "POST", "requests.json", Form,
            Rodent + "&address_string=1+Main&attribute%5Blocation_type%5D=" + new string('x', 2001), 400
        },
        { "bad email", "POST", "requests.json", Form, Rodent + "&address_string=1+Main&email=not-an-email", 400 },
        { "bad phone", "POST", "requests.json", Form, Rodent + "&address_string=1+Main&phone=call+me", 400 },
        {
            "script media URL", "POST", "requests.json", Form,
            Rodent + "&address_string=1+Main&media_url=javascript%3Aalert(1)", 400
        },
        {
            "FTP media URL", "POST", "requests.json", Form,
            Rodent + "&address_string=1+Main&media_url=ftp%3A%2F%2Fexample.org%2Fa", 400
        },
        {
            "description too long", "POST", "requests.json", Form,
            Rodent + "&address_string=1+Main&description=" + new string('d', 4001), 400
        },
        { "address too long", "POST", "requests.json", Form, Rodent + "&address_string=" + new string('s', 401), 400 },
        {
            "unknown jurisdiction on POST", "POST", "requests.xml", Form,
            Rodent + "&address_string=1+Main&jurisdiction_id=nowhere.example", 404
        },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Call_MalformedInput_AnswersTheSpecErrorList(
        string name,
        string method,
        string path,
        string? contentType,
        string? body,
        int expected)
    {
        using HttpClient client = app.CreateClient();
        string url = path.StartsWith('/') ? path : Open311Http.Base + path;
        HttpRequestMessage request = new(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            if (body.Contains(Key, StringComparison.Ordinal))
            {
                IssuedApiKey key = await Open311TestData.IssueKeyAsync(app, "Corpus partner");
                body = body.Replace(Key, key.Key, StringComparison.Ordinal);
            }

            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        Open311Answer answer = await Open311Http.SendAsync(client, request);

        Assert.True(expected == answer.Code, $"{name}: expected {expected}, got {answer.Code}: {answer.Body}");
        bool xml = Uri.UnescapeDataString(url.Split('?')[0]).EndsWith(".xml", StringComparison.Ordinal);
        if (xml)
        {
            Open311Contract.AssertXmlValid(answer, "open311.xsd");
            Assert.All(answer.Xml().Root!.Elements("error"), e => Assert.Equal(expected, (int)e.Element("code")!));
        }
        else
        {
            Open311Contract.AssertJsonValid(answer, "errors.json");
            Assert.All(answer.Json().EnumerateArray(), e => Assert.Equal(expected, e.GetProperty("code").GetInt32()));
        }
    }
}

public sealed class MalformedInputTestsSqlite(SqliteWebApp app) : MalformedInputTests(app), IClassFixture<SqliteWebApp>;

public sealed class MalformedInputTestsPostgres(PostgresWebApp app)
    : MalformedInputTests(app), IClassFixture<PostgresWebApp>;
