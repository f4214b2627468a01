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
        await using IBrowserContext context = await app.NewContextAsync(javaScript: true, TestContext.Current.CancellationToken);
        IPage page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Accessibility.AssertNoViolationsAsync(page, "home");
        await page.GetByLabel("Search for a service").FillAsync("heat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/services?q=heat");
        await Accessibility.AssertNoViolationsAsync(page, "search results");
        await page.GetByRole(AriaRole.Link, new() { Name = "Heat or hot water", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/services/heat-hot-water/new");
        await Accessibility.AssertNoViolationsAsync(page, "request form");
        Assert.Equal(1, await page.Locator(".usa-file-input__target").CountAsync());

        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("100 Example Street");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        Assert.Contains("Answer “What is the problem?”.", await page.InnerTextAsync("#error-summary"), StringComparison.Ordinal);
        Assert.Equal("100 Example Street", await page.InputValueAsync("#address"));
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page, "request form with errors");

        await page.GetByText("Entire building", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Description").FillAsync("No heat in the building since Monday.");
        await page.SetInputFilesAsync("#photos", new FilePayload
        {
            Name = "radiator.jpg",
            MimeType = "image/jpeg",
            Buffer = TestJpeg.Bytes(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await page.WaitForURLAsync("**/requests/*/submitted");
        string reference = (await page.InnerTextAsync(".portal-reference")).Trim();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", reference);
        await Accessibility.AssertNoViolationsAsync(page, "confirmation");

        await TrackAsync(page, "Track a request", "Reference number", "Track", reference);
        Assert.Equal("Received", (await page.TextContentAsync(".usa-tag"))?.Trim());
        Assert.Contains("Heat or hot water", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".portal-photos img").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page, "request status");
    }

    [Fact(Timeout = 120_000)]
    public async Task Journey_SpanishWithoutJavaScript_SubmitsAndTracksARequest()
    {
        await using IBrowserContext context = await app.NewContextAsync(javaScript: false, TestContext.Current.CancellationToken);
        IPage page = await context.NewPageAsync();
        await using IBrowserContext checking = await app.NewContextAsync(javaScript: true, TestContext.Current.CancellationToken);
        IPage checker = await BrowserApp.NewCheckerPageAsync(checking);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Español", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang='es']");
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, checker, "inicio");
        await page.GetByLabel("Busque un servicio").FillAsync("ruido vivienda");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/services?q=ruido*");
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, checker, "resultados de búsqueda");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ruido de una vivienda", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/services/noise-residential/new");
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, checker, "formulario");
        Assert.Equal(0, await page.Locator(".usa-file-input__target").CountAsync());

        await page.GetByText("Música alta o fiesta", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Latitud (grados decimales WGS84)").FillAsync("34.0522");
        await page.GetByLabel("Longitud (grados decimales WGS84)").FillAsync("-118.2437");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitud" }).ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        Assert.Contains("Este punto está fuera de New York City.", await page.InnerTextAsync("#error-summary"), StringComparison.Ordinal);
        Assert.Equal("-118.2437", await page.InputValueAsync("#long"));
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, checker, "formulario con errores");

        await page.GetByLabel("Latitud (grados decimales WGS84)").FillAsync("40,6782");
        await page.GetByLabel("Longitud (grados decimales WGS84)").FillAsync("-73,9442");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitud" }).ClickAsync();
        await page.WaitForURLAsync("**/requests/*/submitted");
        Assert.Equal("Recibimos su solicitud", (await page.InnerTextAsync("h1")).Trim());
        string reference = (await page.InnerTextAsync(".portal-reference")).Trim();
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, checker, "confirmación");

        await TrackAsync(page, "Seguir una solicitud", "Número de referencia", "Seguir", reference);
        Assert.Equal("Recibida", (await page.TextContentAsync(".usa-tag"))?.Trim());
        Assert.Contains("Ruido de una vivienda", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, checker, "estado de la solicitud");
    }

    /// <summary>Opens the tracking page from the header and types the reference the way people do.</summary>
    private static async Task TrackAsync(IPage page, string navigation, string label, string button, string reference)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = navigation, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/track");
        await page.GetByLabel(label, new() { Exact = true }).FillAsync(reference.ToLowerInvariant().Replace('-', ' '));
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/requests/{reference}");
    }
}
