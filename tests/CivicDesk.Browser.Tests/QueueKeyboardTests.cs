using Microsoft.Playwright;

namespace CivicDesk.Browser.Tests;

/// <summary>
/// Pages through the queue with the keyboard only: Tab to a page number (it shows a focus outline), Enter, and
/// the new page marks its number with <c>aria-current</c> while the next Tab goes on from the results, not from
/// the top of the page; then the "Go to page" form, typed and sent with Enter, keeps the page size chosen.
/// English with JavaScript, Spanish without it (both rows share one database, so nothing here depends on the
/// number of pages beyond four).
/// </summary>
public sealed class QueueKeyboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Cases = 31;

    [Theory(Timeout = 180_000)]
    [InlineData(true, "en", "81", "Page {0}", "Go to page")]
    [InlineData(false, "es", "82", "Página {0}", "Ir a la página")]
    public async Task Keyboard_PagerAndGoToPage_MoveThroughTheQueue(
        bool javaScript,
        string language,
        string prefix,
        string pageLabel,
        string jumpLabel)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string user = "pager" + prefix;
        await StaffSeed.AddSupervisorAsync(app.Services, user);
        await StaffSeed.ImportOpenCasesAsync(
            app.Services,
            [.. Enumerable.Range(0, Cases).Select(i => ($"{prefix}{i:D3}", NodaTime.Duration.FromHours(i + 1)))]);
        await using IBrowserContext context = await app.NewContextAsync(javaScript, cancellationToken);
        IPage page = await StaffPages.SignInAsync(context, user, language);
        await page.GotoAsync("/staff?page_size=10");

        string two = string.Format(System.Globalization.CultureInfo.InvariantCulture, pageLabel, 2);
        Assert.True(await TabToAsync(page, two), $"Tab never reached the link \"{two}\".");
        Assert.NotEqual("none", await page.EvaluateAsync<string>(
            "() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**page=2*");

        Assert.Equal("page", await PageLink(page, pageLabel, 2).GetAttributeAsync("aria-current"));
        Assert.Null(await PageLink(page, pageLabel, 1).GetAttributeAsync("aria-current"));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>(
            "() => (document.getElementById('results').compareDocumentPosition(document.activeElement) & 4) !== 0"),
            "After paging, Tab went back to the top of the page instead of on from the results.");
        await StaffPages.CheckAsync(app, page, javaScript, "queue page 2", cancellationToken);

        ILocator jump = page.GetByLabel(jumpLabel, new() { Exact = true });
        await jump.FocusAsync();
        await jump.FillAsync("4");
        await jump.PressAsync("Enter");
        await page.WaitForURLAsync("**page=4*");

        Assert.Equal("page", await PageLink(page, pageLabel, 4).GetAttributeAsync("aria-current"));
        Assert.Contains("page_size=10", page.Url, StringComparison.Ordinal);
        Assert.NotEmpty(await page.Locator("table a[href^='/staff/cases/']").AllAsync());
    }

    private static ILocator PageLink(IPage page, string pageLabel, int number) =>
        page.Locator(".usa-pagination").GetByRole(AriaRole.Link, new()
        {
            Name = string.Format(System.Globalization.CultureInfo.InvariantCulture, pageLabel, number),
            Exact = true,
        });

    /// <summary>Presses Tab from the top of the page until the link named <paramref name="name"/> has focus.</summary>
    private static async Task<bool> TabToAsync(IPage page, string name)
    {
        for (int presses = 0; presses < 150; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            string? focused = await page.EvaluateAsync<string?>(
                "() => document.activeElement?.getAttribute('aria-label') ?? null");
            if (focused == name)
            {
                return true;
            }
        }

        return false;
    }
}
