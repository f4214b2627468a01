using System.Diagnostics;
using Microsoft.Playwright;

namespace CivicDesk.Browser.Tests;

/// <summary>
/// A supervisor signs in, filters the queue to breached and then at-risk cases, opens a breached case imported
/// from NYC 311 history, reads its SLA clocks, takes a transition and changes the time zone in My settings: in
/// English with JavaScript, and in Spanish without it. axe-core checks every page on the way (without JavaScript,
/// a copy of the very document the browser holds, see
/// <see cref="Accessibility.AssertNoViolationsWithoutScriptAsync"/>).
/// </summary>
public sealed class StaffJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly Words English = new(
        "User name", "Password", "Sign in", "Show cases", "SLA clocks", "Breached", "Change status",
        "The status was changed.", "My settings", "Time zone", "Save settings", "Your settings are saved.");

    private static readonly Words Spanish = new(
        "Nombre de usuario", "Contraseña", "Entrar", "Mostrar casos", "Plazos de SLA", "Incumplido",
        "Cambiar estado", "Se cambió el estado.", "Mis ajustes", "Zona horaria", "Guardar ajustes",
        "Sus ajustes están guardados.");

    [Fact(Timeout = 180_000)]
    public async Task Journey_EnglishWithJavaScript_FiltersOpensMovesAndChangesTheTimeZone()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await using IBrowserContext context = await app.NewContextAsync(javaScript: true, cancellationToken);
        IPage page = await context.NewPageAsync();

        await WalkAsync(page, step => Accessibility.AssertNoViolationsAsync(page, step), English, "en", "9101");
    }

    [Fact(Timeout = 180_000)]
    public async Task Journey_SpanishWithoutJavaScript_FiltersOpensMovesAndChangesTheTimeZone()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await using IBrowserContext context = await app.NewContextAsync(javaScript: false, cancellationToken);
        IPage page = await context.NewPageAsync();
        await using IBrowserContext checking = await app.NewContextAsync(javaScript: true, cancellationToken);
        IPage checker = await BrowserApp.NewCheckerPageAsync(checking);
        await page.GotoAsync("/culture/es?returnUrl=/staff/sign-in");

        await WalkAsync(
            page, step => Accessibility.AssertNoViolationsWithoutScriptAsync(page, checker, step), Spanish, "es",
            "9201");
    }

    private async Task WalkAsync(IPage page, Func<string, Task> check, Words words, string language, string key)
    {
        string user = "supervisor" + key;
        string late = key;
        string risky = key + "1";
        await StaffSeed.AddSupervisorAsync(app.Services, user);
        await StaffSeed.ImportCasesAsync(app.Services, late, risky);
        Func<string, Task> timed = step => TimedAsync(step, () => check(step));

        await page.GotoAsync("/staff/sign-in");
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await timed("sign-in");
        await page.GetByLabel(words.UserName, new() { Exact = true }).FillAsync(user);
        await page.GetByLabel(words.Password, new() { Exact = true }).FillAsync(StaffSeed.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = words.SignIn, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/staff");
        await timed("queue");

        // The other journey's cases share the database: each filter is checked on this journey's two.
        Assert.Equal((true, false), await FilterAsync(page, words, "breached", (late, risky), timed));
        Assert.Equal((false, true), await FilterAsync(page, words, "at_risk", (late, risky), timed));
        await FilterAsync(page, words, "breached", (late, risky), timed);

        await page.GetByRole(AriaRole.Link, new() { Name = late, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/staff/cases/*");
        await timed("case");
        ILocator panel = page.Locator("section[aria-labelledby='sla-heading']");
        Assert.Equal(words.SlaHeading, (await panel.Locator("h2").InnerTextAsync()).Trim());
        Assert.Contains(words.Breached, await panel.TextContentAsync(), StringComparison.Ordinal);

        await page.SelectOptionAsync("#transition", "start_work");
        await page.GetByRole(AriaRole.Button, new() { Name = words.ChangeStatus, Exact = true }).ClickAsync();
        await page.GetByText(words.StatusChanged, new() { Exact = true }).WaitForAsync();
        await timed("case after the move");

        await ChangeTimeZoneAsync(page, words, timed);
    }

    /// <summary>Opens My settings from the header, chooses Europe/Madrid and saves.</summary>
    private static async Task ChangeTimeZoneAsync(IPage page, Words words, Func<string, Task> timed)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = words.Settings, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/staff/settings");
        await timed("settings");
        // By value (the tzdb id): an option's visible text carries today's offset, "Europe/Madrid (UTC+01:00)", so
        // choosing by the bare name would wait for an option that never appears (measured: until the timeout).
        await TimedAsync("choose a zone", () => page.GetByLabel(words.TimeZone, new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Value = "Europe/Madrid" }));
        await page.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/staff/settings?saved=1");
        await page.GetByText(words.Saved, new() { Exact = true }).WaitForAsync();
        Assert.Equal("Europe/Madrid", await page.InputValueAsync("#time_zone"));
        await timed("settings saved");
    }

    /// <summary>
    /// Chooses an SLA filter in the queue's GET form, shows the cases it leaves and says whether each of the
    /// journey's two cases is among them.
    /// </summary>
    private static async Task<(bool Late, bool Risky)> FilterAsync(
        IPage page,
        Words words,
        string sla,
        (string Late, string Risky) keys,
        Func<string, Task> check)
    {
        await page.SelectOptionAsync("#sla", sla);
        await page.GetByRole(AriaRole.Button, new() { Name = words.ShowCases, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/staff?*sla={sla}*");
        await check("queue, " + sla);
        IReadOnlyList<string> listed =
            await page.Locator("table a[href^='/staff/cases/']").AllInnerTextsAsync();
        return (listed.Any(t => t.Trim() == keys.Late), listed.Any(t => t.Trim() == keys.Risky));
    }

    /// <summary>Runs a step and writes how long it took to the test's output, to find a slow one.</summary>
    private static async Task TimedAsync(string step, Func<Task> action)
    {
        Stopwatch watch = Stopwatch.StartNew();
        await action();
        TestContext.Current.TestOutputHelper?.WriteLine($"{step}: {watch.ElapsedMilliseconds} ms");
    }

    /// <summary>The visible words of the journey, in its language.</summary>
    private sealed record Words(
        string UserName,
        string Password,
        string SignIn,
        string ShowCases,
        string SlaHeading,
        string Breached,
        string ChangeStatus,
        string StatusChanged,
        string Settings,
        string TimeZone,
        string Save,
        string Saved);
}
