using System.Net;
using System.Text.RegularExpressions;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Portal;

/// <summary>
/// A form whose antiforgery token no longer holds (left open past the session, cookies cleared): the
/// resident gets the form back with everything typed, a fresh token, and can send it again.
/// </summary>
public abstract partial class ExpiredFormTests(WebAppFixture app)
{
    private const string Service = "heat-hot-water";

    [Fact]
    public async Task Post_FormTokenNoLongerValid_ShowsTheFormAgainWithValuesKeptAndAFreshToken()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, Service);
        Dictionary<string, string> fields = Typed();
        (byte[] photo, _) = TestPhotos.JpegWithGps();

        HttpResponseMessage refused = await PortalForms.PostAsync(
            client, Service, tokens with { Antiforgery = "expired" }, fields, [("radiator.jpg", photo)]);

        string html = await PortalForms.TextAsync(refused);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(
            "Your request could not be sent because the form was open for a long time or your browser's cookies "
                + "were cleared. Everything you typed is kept below: check it and send the form again.",
            html,
            StringComparison.Ordinal);
        Assert.Contains("Photos chosen before: 1.", html, StringComparison.Ordinal);
        AssertValuesKept(html, tokens.Submission);
        string fresh = HiddenValue(html, "__RequestVerificationToken");
        Assert.NotEqual("expired", fresh);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));

        HttpResponseMessage again = await PortalForms.PostAsync(
            client, Service, tokens with { Antiforgery = fresh }, fields, [("radiator.jpg", photo)]);

        PortalForms.ReferenceFrom(again);
        Assert.Equal(1, await CountCasesAsync(tokens.Submission));
    }

    [Fact]
    public async Task Post_CookiesClearedInSpanish_ShowsTheFormAgainInSpanishAndTheSecondSendWorks()
    {
        using HttpClient before = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(before, Service);
        using HttpClient after = app.CreateClient();
        await PortalForms.GetAsync(after, "/culture/es?returnUrl=%2F");
        Dictionary<string, string> fields = Typed();

        HttpResponseMessage refused = await PortalForms.PostAsync(after, Service, tokens, fields);

        string html = await PortalForms.TextAsync(refused);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains(
            "No se pudo enviar su solicitud porque el formulario estuvo abierto mucho tiempo o se borraron las "
                + "cookies de su navegador.",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            refused.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        AssertValuesKept(html, tokens.Submission);

        HttpResponseMessage again = await PortalForms.PostAsync(
            after, Service, tokens with { Antiforgery = HiddenValue(html, "__RequestVerificationToken") }, fields);

        PortalForms.ReferenceFrom(again);
        Assert.Equal(1, await CountCasesAsync(tokens.Submission));
    }

    private static Dictionary<string, string> Typed()
    {
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields["description"] = "Radiators cold <since> Monday.\nThe whole building.";
        fields["zipcode"] = "10001-1234";
        fields["first_name"] = "Ana";
        fields["email"] = "ana@example.org";
        fields["phone"] = "(212) 555-0142";
        return fields;
    }

    private static void AssertValuesKept(string html, string submissionToken)
    {
        Assert.Contains(
            ">Radiators cold <since> Monday.\nThe whole building.</textarea>", html, StringComparison.Ordinal);
        Assert.Matches(CheckedDescriptor(), html);
        string[] values = ["100 Example Street", "10001-1234", "Ana", "ana@example.org", "(212) 555-0142"];
        foreach (string value in values)
        {
            Assert.Contains($"value=\"{value}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains($"name=\"submission_token\" value=\"{submissionToken}\"", html, StringComparison.Ordinal);
    }

    private static string HiddenValue(string html, string name)
    {
        Match match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"The form has no hidden field {name}.");
        return match.Groups[1].Value;
    }

    private async Task<int> CountCasesAsync(string submissionKey)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        return await db.Cases.CountAsync(c => c.SubmissionKey == submissionKey, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("id=\"q-descriptor-0\"[^>]*value=\"ENTIRE BUILDING\"[^>]*checked")]
    private static partial Regex CheckedDescriptor();
}

public sealed class ExpiredFormTestsSqlite(SqliteWebApp app) : ExpiredFormTests(app), IClassFixture<SqliteWebApp>;

public sealed class ExpiredFormTestsPostgres(PostgresWebApp app)
    : ExpiredFormTests(app), IClassFixture<PostgresWebApp>;
