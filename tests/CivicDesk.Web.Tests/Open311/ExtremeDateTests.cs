using System.Net;
using CivicDesk.Testing;

namespace CivicDesk.Web.Tests.Open311;

/// <summary>
/// Date-times at or past the edges of what an instant or the databases can hold: each must answer 400 with
/// an error naming the parameter, never a 500 from an overflow while converting to UTC.
/// </summary>
public abstract class ExtremeDateTests(WebAppFixture app)
{
    [Theory]
    [InlineData("start_date", "9999-12-31T23:59:59-14:00")]
    [InlineData("end_date", "9999-12-31T23:59:59-14:00")]
    [InlineData("start_date", "0001-01-01T00:00:00+14:00")]
    [InlineData("end_date", "0001-01-01T00:00:00+14:00")]
    [InlineData("start_date", "9999-12-31T23:59:59.999999999Z")]
    [InlineData("end_date", "2018-01-01T00:00:00.99999999999999999999Z")]
    [InlineData("start_date", "10000-01-01T00:00:00Z")]
    [InlineData("end_date", "+275760-09-13T00:00:00Z")]
    [InlineData("start_date", "-0001-01-01T00:00:00Z")]
    [InlineData("end_date", "1900-01-01T00:00:00+14:00")]
    [InlineData("start_date", "8999-12-31T23:59:59-14:00")]
    public async Task GetRequests_DateOutOfRange_Answers400NamingTheParameter(string parameter, string value)
    {
        using HttpClient client = app.CreateClient();

        Open311Answer json = await Open311Http.GetAsync(
            client, $"{Open311Http.Base}requests.json?{parameter}={Uri.EscapeDataString(value)}");
        Open311Answer xml = await Open311Http.GetAsync(
            client, $"{Open311Http.Base}requests.xml?{parameter}={Uri.EscapeDataString(value)}");

        Assert.Equal(HttpStatusCode.BadRequest, json.Status);
        Assert.Contains(json.ErrorDescriptions(), d => d.StartsWith(parameter + ":", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, xml.Status);
        Assert.Contains(xml.ErrorDescriptions(), d => d.StartsWith(parameter + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetRequests_BothEndsAtTheEdgesOfTheRange_AnswerWithoutAServerError()
    {
        using HttpClient client = app.CreateClient();

        Open311Answer earliest = await Open311Http.GetAsync(
            client, $"{Open311Http.Base}requests.json?end_date=1900-01-01T00:00:00Z");
        Open311Answer latest = await Open311Http.GetAsync(
            client, $"{Open311Http.Base}requests.json?start_date=8999-12-31T00:00:00%2B14:00");

        Assert.Equal(HttpStatusCode.OK, earliest.Status);
        Assert.Equal(HttpStatusCode.OK, latest.Status);
    }
}

public sealed class ExtremeDateTestsSqlite(SqliteWebApp app) : ExtremeDateTests(app), IClassFixture<SqliteWebApp>;

public sealed class ExtremeDateTestsPostgres(PostgresWebApp app) : ExtremeDateTests(app),
    IClassFixture<PostgresWebApp>;
