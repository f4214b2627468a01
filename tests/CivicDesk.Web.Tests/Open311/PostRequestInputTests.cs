using System.Net;
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
