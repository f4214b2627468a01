using System.Net;
using System.Text;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Portal;

public abstract class RequestFormTests(WebAppFixture app)
{
    [Fact]
    public async Task Post_ValidForm_Answers303ToTheConfirmationAndStoresAWebCase()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields["first_name"] = "Ana";
        fields["email"] = "ana@example.org";
        fields["phone"] = "(212) 555-0142";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        string reference = PortalForms.ReferenceFrom(response);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Case stored = await db.Cases.SingleAsync(c => c.Reference == reference, Cancel);
        Assert.Equal(Channel.Web, stored.Channel);
        Assert.Equal(tokens.Submission, stored.SubmissionKey);
        Assert.Equal("ENTIRE BUILDING", stored.Answers.First("descriptor"));
        Assert.Equal("100 Example Street", stored.Address);
        CaseContact contact = await db.CaseContacts.SingleAsync(c => c.CaseId == stored.Id, Cancel);
        Assert.Equal("+12125550142", contact.PhoneE164);
        CaseEvent created = await db.CaseEvents.SingleAsync(
            e => e.CaseId == stored.Id && e.Kind == CaseEventKind.Created, Cancel);
        Assert.Equal(ActorKind.Resident, created.ActorKind);
        string confirmation = await GetTextAsync(client, $"/requests/{reference}/submitted");
        Assert.Contains($"<p class=\"portal-reference\">{reference}</p>", confirmation, StringComparison.Ordinal);
        Assert.Contains($"href=\"/requests/{reference}\"", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InvalidFields_ShowsTheFormAgainWithValuesKeptAndErrorsLinkedToFields()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields.Remove("attribute[descriptor]");
        fields["description"] = "Radiators cold <since> Monday";
        fields["email"] = "not-an-email";
        fields["last_name"] = "Díaz";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Error: ", TitleOf(html), StringComparison.Ordinal);
        Assert.Contains("class=\"usa-alert usa-alert--error", html, StringComparison.Ordinal);
        Assert.Contains(
            "#q-descriptor-0\">Answer “What is the problem?”.</a>",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            "#email\">Enter an email address like name@example.com.</a>",
            html,
            StringComparison.Ordinal);
        Assert.True(
            html.IndexOf("#q-descriptor-0\"", StringComparison.Ordinal)
                < html.IndexOf("#email\"", StringComparison.Ordinal),
            "The summary lists errors in the order of the form.");
        Assert.Contains("aria-describedby=\"email-error\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains(">Radiators cold <since> Monday</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Díaz\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"100 Example Street\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"submission_token\" value=\"{tokens.Submission}\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    [Fact]
    public async Task Post_InvalidFieldsInSpanish_ShowsSpanishMessages()
    {
        using HttpClient client = app.CreateClient(followRedirects: true);
        await PortalForms.GetAsync(client, "/culture/es?returnUrl=%2F");
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields["lat"] = "cuarenta";
        fields["long"] = "-73.99";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Hay un problema con su solicitud", html, StringComparison.Ordinal);
        Assert.Contains(
            "#lat\">Escriba la latitud como un número de grados decimales, por ejemplo 40.7128.</a>",
            html,
            StringComparison.Ordinal);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    [Theory]
    [InlineData("en", "#zipcode\">Enter a ZIP code of 5 digits, or 5 digits, a hyphen and 4 digits, like 10001")]
    [InlineData("es", "#zipcode\">Escriba un código postal (ZIP) de 5 dígitos, o de 5 dígitos, un guion y 4")]
    public async Task Post_ZipCodeNotOfTheUsForm_ShowsAFieldErrorAndKeepsTheValue(string language, string expected)
    {
        using HttpClient client = app.CreateClient(followRedirects: true);
        await PortalForms.GetAsync(client, $"/culture/{language}?returnUrl=%2F");
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields["zipcode"] = "Manhattan";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("id=\"zipcode-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Manhattan\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    [Fact]
    public async Task Post_ZipPlusFour_IsAccepted()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields["zipcode"] = " 10001-1234 ";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        string reference = PortalForms.ReferenceFrom(response);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Assert.Equal("10001-1234", (await db.Cases.SingleAsync(c => c.Reference == reference, Cancel)).ZipCode);
    }

    [Fact]
    public async Task Post_SameTokenTwice_CreatesOneCaseAndShowsTheSameReference()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");

        HttpResponseMessage first =
            await PortalForms.PostAsync(client, "heat-hot-water", tokens, PortalForms.HeatComplaint());
        HttpResponseMessage second =
            await PortalForms.PostAsync(client, "heat-hot-water", tokens, PortalForms.HeatComplaint());

        Assert.Equal(PortalForms.ReferenceFrom(first), PortalForms.ReferenceFrom(second));
        Assert.Equal(1, await CountCasesAsync(tokens.Submission));
    }

    [Theory]
    [InlineData("en", "This point is outside the area we serve (New York City). Check the latitude and longitude.")]
    [InlineData("es", "Este punto está fuera del área que atendemos (Ciudad de Nueva York). Revise la latitud y "
        + "la longitud.")]
    public async Task Post_PointOutsideNewYork_IsRefusedNamingTheLatitudeFieldInTheResidentsLanguage(
        string language,
        string message)
    {
        using HttpClient client = app.CreateClient(followRedirects: true);
        await PortalForms.GetAsync(client, $"/culture/{language}?returnUrl=%2F");
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields.Remove("address_string");
        fields["lat"] = "34.0522";
        fields["long"] = "-118.2437";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"#lat\">{message}</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"lat-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"-118.2437\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    [Fact]
    public async Task Post_PointInsideNewYorkWithoutAddress_IsAccepted()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        Dictionary<string, string> fields = PortalForms.HeatComplaint();
        fields.Remove("address_string");
        fields["lat"] = "40,7128";
        fields["long"] = "-74.0060";

        HttpResponseMessage response = await PortalForms.PostAsync(client, "heat-hot-water", tokens, fields);

        string reference = PortalForms.ReferenceFrom(response);
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Case stored = await db.Cases.SingleAsync(c => c.Reference == reference, Cancel);
        Assert.Equal(40.7128, stored.Latitude);
        Assert.Equal(-74.006, stored.Longitude);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndStoresNothing()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");

        HttpResponseMessage response = await PortalForms.PostAsync(
            client, "heat-hot-water", tokens with { Antiforgery = "forged" }, PortalForms.HeatComplaint());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    [Fact]
    public async Task Post_JpegWithGpsData_StoresAndServesACopyWithoutIt()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        (byte[] photo, byte[] withoutMetadata) = TestPhotos.JpegWithGps();

        HttpResponseMessage response = await PortalForms.PostAsync(
            client, "heat-hot-water", tokens, PortalForms.HeatComplaint(), [("kitchen radiator.jpg", photo)]);

        string reference = PortalForms.ReferenceFrom(response);
        string page = await GetTextAsync(client, $"/requests/{reference}");
        string photoPath = System.Text.RegularExpressions.Regex.Match(page, "<img src=\"([^\"]+)\"").Groups[1].Value;
        HttpResponseMessage served = await PortalForms.GetAsync(client, photoPath);
        byte[] bytes = await served.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(withoutMetadata, bytes);
        Assert.DoesNotContain("GPSLatitude", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("kitchenradiator.jpg", served.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Post_NotAnImage_IsRefusedNamingThePhoto()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        byte[] script =
            Encoding.ASCII.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");

        HttpResponseMessage response = await PortalForms.PostAsync(
            client, "heat-hot-water", tokens, PortalForms.HeatComplaint(), [("photo.jpg", script)]);

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("#photos\">Photo 1 is not a JPEG or PNG image.</a>", html, StringComparison.Ordinal);
        Assert.Contains("Photos chosen before: 1.", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    [Theory]
    [InlineData("en", "#photos\">Photo 2 has too many pixels: at most 12,000 on a side and 50 megapixels")]
    [InlineData("es", "#photos\">La foto 2 tiene demasiados píxeles: como máximo 12.000 por lado")]
    public async Task Post_PhotoClaimingHugeDimensions_IsRefusedNamingThePhoto(string language, string expected)
    {
        using HttpClient client = app.CreateClient(followRedirects: true);
        await PortalForms.GetAsync(client, $"/culture/{language}?returnUrl=%2F");
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        (byte[] photo, _) = TestPhotos.JpegWithGps();

        HttpResponseMessage response = await PortalForms.PostAsync(
            client, "heat-hot-water", tokens, PortalForms.HeatComplaint(),
            [("fine.jpg", photo), ("bomb.jpg", TestPhotos.JpegClaiming(60_000, 60_000))]);

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    [Fact]
    public async Task Post_SixPhotos_IsRefused()
    {
        using HttpClient client = app.CreateClient();
        FormTokens tokens = await PortalForms.GetFormAsync(client, "heat-hot-water");
        (byte[] photo, _) = TestPhotos.JpegWithGps();

        HttpResponseMessage response = await PortalForms.PostAsync(
            client, "heat-hot-water", tokens, PortalForms.HeatComplaint(),
            Enumerable.Range(1, 6).Select(i => ($"photo{i}.jpg", photo)));

        string html = await PortalForms.TextAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("#photos\">Choose at most 5 photos.</a>", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountCasesAsync(tokens.Submission));
    }

    private async Task<int> CountCasesAsync(string submissionKey)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        return await db.Cases.CountAsync(c => c.SubmissionKey == submissionKey, Cancel);
    }

    private static string TitleOf(string html)
    {
        int start = html.IndexOf("<title>", StringComparison.Ordinal) + "<title>".Length;
        return html[start..html.IndexOf("</title>", start, StringComparison.Ordinal)];
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        HttpResponseMessage response = await PortalForms.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalForms.TextAsync(response);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}

public sealed class RequestFormTestsSqlite(SqliteWebApp app) : RequestFormTests(app), IClassFixture<SqliteWebApp>;

public sealed class RequestFormTestsPostgres(PostgresWebApp app) : RequestFormTests(app), IClassFixture<PostgresWebApp>;
