using System.Net;
using System.Text;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Portal;

/// <summary>Text the request form cannot take as typed: bytes that are not UTF-8, NUL and control characters.</summary>
public abstract class RequestFormTextTests(WebAppFixture app)
{
    [Theory]
    [InlineData("description", "description")]
    [InlineData("address_string", "address")]
    [InlineData("last_name", "last-name")]
    [InlineData("attribute[location_type]", "q-location_type-0")]
    public async Task Post_InvalidUtf8InAField_ShowsAFieldErrorAndStoresNothing(string field, string elementId)
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        List<(string, byte[])> fields = Fields(PortalForms.HeatComplaint());
        fields.RemoveAll(f => f.Item1 == field);
        fields.Add((field, [.. "Radiator "u8, 0xC3, 0x28, .. " cold"u8]));

        HttpResponseMessage response = await PortalForms.PostRawAsync(client, "heat-hot-water", tokens, fields);

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(
            $"#{elementId}\">This holds characters that could not be read, perhaps pasted from another program.",
            html,
            StringComparison.Ordinal);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    [Theory]
    [InlineData("en", "#description\">This holds characters that could not be read")]
    [InlineData("es", "#description\">Este campo contiene caracteres que no se pueden leer")]
    public async Task Post_NulInTheDescription_ShowsAFieldErrorInTheResidentsLanguage(string language, string expected)
    {
        using HttpClient client = app.CreateClient(followRedirects: true);
        await PortalForms.GetAsync(client, $"/culture/{language}?returnUrl=%2F");
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields["description"] = "No heat\0 since Monday.";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("value=\"100 Example Street\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    [Fact]
    public async Task Post_NulInTheSubmissionToken_IsAnsweredWithTheFormAndAFreshToken()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        FormTokens broken = tokens with { Submission = "abc\0def" };
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields["email"] = "not-an-email";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", broken, fields);

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("#email\"", html, StringComparison.Ordinal);
        Assert.Matches("name=\"submission_token\" value=\"[0-9a-f]{32}\"", html);
    }

    [Fact]
    public async Task Post_TextWithAccentsAndEmoji_IsStoredAsTyped()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields["description"] = "Calefacción apagada desde el lunes 🥶\r\nEdificio entero.";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        string reference = PortalForms.ReferenceFrom(response);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        string? stored = await db.Cases.Where(c => c.Reference == reference).Select(c => c.Description)
            .SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(fields["description"], stored);
    }

    private static List<(string, byte[])> Fields(Dictionary<string, string> fields) =>
        [.. fields.Select(f => (f.Key, Encoding.UTF8.GetBytes(f.Value)))];

    private async Task<int> CountCasesAsync(string submissionKey)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        return await db.Cases.CountAsync(c => c.SubmissionKey == submissionKey, TestContext.Current.CancellationToken);
    }
}

public sealed class RequestFormTextTestsSqlite(SqliteWebApp app)
    : RequestFormTextTests(app), IClassFixture<SqliteWebApp>;

public sealed class RequestFormTextTestsPostgres(PostgresWebApp app)
    : RequestFormTextTests(app), IClassFixture<PostgresWebApp>;
