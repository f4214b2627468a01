using System.Net;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Testing;
using CivicDesk.Web.Tests.Open311;
using CivicDesk.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Notifications;

/// <summary>A portal request keeps the language the resident used, so its notifications are written in it.</summary>
public abstract class ResidentLanguageTests(WebAppFixture app)
{
    [Theory]
    [InlineData("es-US,es;q=0.9", "es")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR", "en")]
    public async Task Post_PortalFormInALanguage_StoresTheCaseInThatLanguage(string acceptLanguage, string expected)
    {
        using HttpClient client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");

        HttpResponseMessage response =
            await PortalForms.PostAsync(client, "heat-hot-water", tokens, PortalForms.HeatComplaint());

        string reference = PortalForms.ReferenceFrom(response);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Case stored = await db.Cases.SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
        Assert.Equal(expected, stored.Language);
    }

    [Theory]
    [InlineData("es-US,es;q=0.9", "es")]
    [InlineData("fr-FR,es;q=0.5", "es")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData(null, "en")]
    public async Task Post_Open311RequestWithAcceptLanguage_StoresTheCaseInTheSupportedLanguageItPrefers(
        string? acceptLanguage,
        string expected)
    {
        IssuedApiKey key = await Open311TestData.IssueKeyAsync(app);
        using HttpClient client = app.CreateClient();
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        Open311Answer answer = await Open311Http.PostFormAsync(client, $"{Open311Http.Base}requests.json",
        [
            new("api_key", key.Key), new("service_code", "rodent"), new("address_string", "5 Test Lane"),
            new("attribute[descriptor]", "Rat Sighting"),
        ]);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        string reference = answer.Json()[0].GetProperty("service_request_id").GetString()!;
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Case stored = await db.Cases.SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
        Assert.Equal(expected, stored.Language);
    }
}

public sealed class ResidentLanguageTestsSqlite(SqliteWebApp app)
    : ResidentLanguageTests(app), IClassFixture<SqliteWebApp>;

public sealed class ResidentLanguageTestsPostgres(PostgresWebApp app)
    : ResidentLanguageTests(app), IClassFixture<PostgresWebApp>;
