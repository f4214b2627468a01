using Microsoft.Playwright;

namespace CivicDesk.Browser.Tests;

/// <summary>
/// A resident finds a service, fills the form (first with a mistake), submits it, reads the reference
/// number and tracks the request: once in English with JavaScript, once in Spanish without it. axe-core
/// checks every page on the way, the form with its errors included; without JavaScript, axe checks a copy
/// of the very document the browser holds (see <see cref="Accessibility.AssertNoViolationsWithoutScriptAsync"/>).
/// </summary>
public sealed class ResidentJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact(Timeout = 120_000)]
    public async Task Journey_EnglishWithJavaScript_SubmitsAndTracksARequest()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await using IBrowserContext context = await app.NewContextAsync(javaScript: true, cancellationToken);
        IPage page = await context.NewPageAsync();
        Func<string, Task> check = step => Accessibility.AssertNoViolationsAsync(page, step);

        await page.GotoAsync("/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await check("home");
        List<(string Element, bool Outlined)> stops = await Accessibility.TabThroughAsync(page, 8);
        Assert.Equal("usa-skipnav", stops[0].Element);
        Assert.Contains(stops, s => s.Element == "service-search");
        Assert.All(stops, s => Assert.True(s.Outlined, $"{s.Element} shows no focus outline"));
        await FindServiceAsync(page, new Words("Search for a service", "Search", "heat", "Heat or hot water"), check);
        Assert.EndsWith("/services/heat-hot-water/new", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("100 Example Street");
        await SendAsync(page, "Send request");
        string summary = await page.InnerTextAsync("#error-summary");
        Assert.Contains("Answer “What is the problem?”.", summary, StringComparison.Ordinal);
        Assert.Equal("100 Example Street", await page.InputValueAsync("#address"));
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await check("request form with errors");

        await page.GetByText("Entire building", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Description").FillAsync("No heat in the building since Monday.");
        await page.SetInputFilesAsync(
            "#photos", new FilePayload { Name = "radiator.jpg", MimeType = "image/jpeg", Buffer = TestJpeg.Bytes() });
        string reference = await SubmitAsync(page, "Send request", check);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", reference);

        await TrackAsync(page, new Words("Reference number", "Track", reference, "Track a request"), check);
        Assert.Equal("Received", (await page.TextContentAsync(".usa-tag"))?.Trim());
        Assert.Contains("Heat or hot water", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".portal-photos img").CountAsync());
    }

    [Fact(Timeout = 120_000)]
    public async Task Journey_SpanishWithoutJavaScript_SubmitsAndTracksARequest()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await using IBrowserContext context = await app.NewContextAsync(javaScript: false, cancellationToken);
        IPage page = await context.NewPageAsync();
        await using IBrowserContext checking = await app.NewContextAsync(javaScript: true, cancellationToken);
        IPage checker = await BrowserApp.NewCheckerPageAsync(checking);
        Func<string, Task> check = step => Accessibility.AssertNoViolationsWithoutScriptAsync(page, checker, step);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Español", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang='es']");
        await check("inicio");
        Words search = new("Busque un servicio", "Buscar", "ruido vivienda", "Ruido de una vivienda");
        await FindServiceAsync(page, search, check);
        Assert.EndsWith("/services/noise-residential/new", page.Url, StringComparison.Ordinal);

        await page.GetByText("Música alta o fiesta", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Latitud (grados decimales WGS84)").FillAsync("34.0522");
        await page.GetByLabel("Longitud (grados decimales WGS84)").FillAsync("-118.2437");
        await SendAsync(page, "Enviar solicitud");
        string summary = await page.InnerTextAsync("#error-summary");
        Assert.Contains(
            "Este punto está fuera del área que atendemos (Ciudad de Nueva York).", summary, StringComparison.Ordinal);
        Assert.Equal("-118.2437", await page.InputValueAsync("#long"));
        await check("formulario con errores");

        await page.GetByLabel("Latitud (grados decimales WGS84)").FillAsync("40,6782");
        await page.GetByLabel("Longitud (grados decimales WGS84)").FillAsync("-73,9442");
        string reference = await SubmitAsync(page, "Enviar solicitud", check);
        Assert.Equal("Recibimos su solicitud", (await page.InnerTextAsync("h1")).Trim());

        await TrackAsync(page, new Words("Número de referencia", "Seguir", reference, "Seguir una solicitud"), check);
        Assert.Equal("Recibida", (await page.TextContentAsync(".usa-tag"))?.Trim());
        Assert.Contains("Ruido de una vivienda", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    /// <summary>Searches the catalogue from the home page and opens the service's form.</summary>
    private static async Task FindServiceAsync(IPage page, Words words, Func<string, Task> check)
    {
        await page.GetByLabel(words.Label).FillAsync(words.Value);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Button, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/services?q=*");
        await check("search results");
        await page.GetByRole(AriaRole.Link, new() { Name = words.Target, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/services/*/new");
        await check("request form");
    }

    private static async Task SendAsync(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("#error-summary, .portal-reference");
    }

    /// <summary>Sends the form and reads the reference number on the confirmation page.</summary>
    private static async Task<string> SubmitAsync(IPage page, string button, Func<string, Task> check)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/requests/*/submitted");
        await check("confirmation");
        return (await page.InnerTextAsync(".portal-reference")).Trim();
    }

    /// <summary>Opens the tracking page from the header and types the reference the way people do.</summary>
    private static async Task TrackAsync(IPage page, Words words, Func<string, Task> check)
    {
        await page.GetByRole(AriaRole.Navigation)
            .GetByRole(AriaRole.Link, new() { Name = words.Target, Exact = true })
            .ClickAsync();
        await page.WaitForURLAsync("**/track");
        await check("track");
        await page.GetByLabel(words.Label, new() { Exact = true })
            .FillAsync(words.Value.ToLowerInvariant().Replace('-', ' '));
        await page.GetByRole(AriaRole.Button, new() { Name = words.Button, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/requests/{words.Value}");
        await check("request status");
    }

    /// <summary>The visible words a step uses, in the language of the journey.</summary>
    private sealed record Words(string Label, string Button, string Value, string Target);
}
