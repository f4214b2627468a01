namespace CivicDesk.Browser.Tests;

/// <summary>Shows that the axe check of the journeys does report problems, so its silence means something.</summary>
public sealed class AccessibilityCheckTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact(Timeout = 60_000)]
    public async Task Check_PageWithUnlabelledFieldAndImageWithoutText_ReportsBoth()
    {
        await using Microsoft.Playwright.IBrowserContext context =
            await app.NewContextAsync(javaScript: true, TestContext.Current.CancellationToken);
        Microsoft.Playwright.IPage checker = await BrowserApp.NewCheckerPageAsync(context);
        const string Broken =
            "<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main><h1>Broken</h1>"
            + "<img src=\"lib/uswds/img/us_flag_small.png\">"
            + "<form><input type=\"text\" name=\"q\"></form></main></body></html>";

        await Accessibility.ServeAgainAsync(checker, new Uri(app.BaseAddress, "broken").ToString(), Broken);
        Deque.AxeCore.Commons.AxeResult result = await Accessibility.RunAsync(checker);

        Assert.Contains(result.Violations, v => v.Id == "image-alt");
        Assert.Contains(result.Violations, v => v.Id == "label");
    }

    [Fact(Timeout = 60_000)]
    public async Task Check_PageOfAContextWithoutJavaScript_FailsAtOnceInsteadOfHanging()
    {
        await using Microsoft.Playwright.IBrowserContext context =
            await app.NewContextAsync(javaScript: false, TestContext.Current.CancellationToken);
        Microsoft.Playwright.IPage page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");

        Xunit.Sdk.FailException failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(
            () => Accessibility.RunAsync(page));

        Assert.Contains("AssertNoViolationsWithoutScriptAsync", failure.Message, StringComparison.Ordinal);
    }
}
