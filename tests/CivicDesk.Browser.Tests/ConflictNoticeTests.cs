using Microsoft.Playwright;

namespace CivicDesk.Browser.Tests;

/// <summary>
/// Two supervisors open the same case; the first moves it, the second then adds a note from the page as it was.
/// The second save is refused and the conflict notice names the first by display name, keeps the typed note, and
/// passes axe: in English with JavaScript and in Spanish without it.
/// </summary>
public sealed class ConflictNoticeTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory(Timeout = 180_000)]
    [InlineData(true, "en", "7101", "Changed by someone else", "Add note", "The status was changed.")]
    [InlineData(false, "es", "7201", "Modificado por otra persona", "Añadir nota", "Se cambió el estado.")]
    public async Task SecondSave_FromAStaleCasePage_IsRefusedWithANoticeNamingWhoChangedIt(
        bool javaScript,
        string language,
        string key,
        string heading,
        string addNote,
        string statusChanged)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        (string first, string second) = ("alma" + key, "bruno" + key);
        await StaffSeed.AddSupervisorAsync(app.Services, first);
        await StaffSeed.AddSupervisorAsync(app.Services, second);
        await StaffSeed.ImportOpenCasesAsync(app.Services, [(key, NodaTime.Duration.FromDays(2))]);
        string casePath = $"/staff/cases/{await StaffSeed.CaseIdAsync(app.Services, key)}";
        await using IBrowserContext firstContext = await app.NewContextAsync(javaScript, cancellationToken);
        await using IBrowserContext secondContext = await app.NewContextAsync(javaScript, cancellationToken);
        IPage firstPage = await StaffPages.SignInAsync(firstContext, first, language);
        IPage secondPage = await StaffPages.SignInAsync(secondContext, second, language);
        await firstPage.GotoAsync(casePath);
        await secondPage.GotoAsync(casePath);

        await firstPage.SelectOptionAsync("#transition", "start_work");
        await firstPage.GetByRole(AriaRole.Button, new() { Name = StaffPages.ChangeStatus(language), Exact = true })
            .ClickAsync();
        await firstPage.GetByText(statusChanged, new() { Exact = true }).WaitForAsync();
        await secondPage.Locator("#text").FillAsync("Crew found the bags already gone.");
        await secondPage.GetByRole(AriaRole.Button, new() { Name = addNote, Exact = true }).ClickAsync();
        ILocator notice = secondPage.Locator("#conflict");
        await notice.WaitForAsync();

        Assert.Equal("alert", await notice.GetAttributeAsync("role"));
        Assert.Equal(heading, (await notice.Locator("h2").InnerTextAsync()).Trim());
        string text = await notice.Locator("p.usa-alert__text").First.InnerTextAsync();
        Assert.StartsWith(first + " Supervisor ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(second, text, StringComparison.Ordinal);
        Assert.Equal("Crew found the bags already gone.", await secondPage.InputValueAsync("#text"));
        await StaffPages.CheckAsync(app, secondPage, javaScript, "conflict notice", cancellationToken);
    }
}
