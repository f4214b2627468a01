using Microsoft.Playwright;

namespace CivicDesk.Browser.Tests;

/// <summary>
/// A user signed in with a one-time password opens a staff page by its address: the password page comes first,
/// and once the password is changed the page asked for opens with a "password changed" alert that screen
/// readers announce (<c>role="status"</c>, and focus is on it once the page has loaded), says it in words,
/// passes axe and is gone on reload. English with JavaScript, Spanish without it.
/// </summary>
public sealed class PasswordReturnTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string NewPassword = "a brand new browser passphrase";

    [Theory(Timeout = 180_000)]
    [InlineData(true, "en", "Current password", "New password", "New password again", "Change password",
        "Your password was changed.")]
    [InlineData(false, "es", "Contraseña actual", "Nueva contraseña", "Repita la nueva contraseña",
        "Cambiar contraseña", "Su contraseña se ha cambiado.")]
    public async Task OneTimePassword_StaffPageOpenedDirectly_OpensAfterTheChangeWithTheConfirmation(
        bool javaScript,
        string language,
        string current,
        string fresh,
        string again,
        string button,
        string changed)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string user = "onetime" + language;
        string oneTime = await StaffSeed.AddOneTimeAgentAsync(app.Services, user);
        await using IBrowserContext context = await app.NewContextAsync(javaScript, cancellationToken);
        IPage page = await StaffPages.SignInAsync(context, user, language, oneTime, "**/staff/password");

        await page.GotoAsync("/staff/settings");
        await page.WaitForURLAsync("**/staff/password?returnUrl=%2Fstaff%2Fsettings");
        await page.GetByLabel(current, new() { Exact = true }).FillAsync(oneTime);
        await page.GetByLabel(fresh, new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel(again, new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/staff/settings");
        ILocator alert = page.GetByRole(AriaRole.Status).Filter(new() { HasText = changed });

        Assert.Equal(1, await alert.CountAsync());
        Assert.Contains("usa-alert--success", await alert.GetAttributeAsync("class"), StringComparison.Ordinal);
        Assert.Equal(changed, (await alert.InnerTextAsync()).Trim());
        await Assertions.Expect(alert).ToBeFocusedAsync();
        await StaffPages.CheckAsync(app, page, javaScript, "settings after the password change", cancellationToken);
        await page.ReloadAsync();
        Assert.Equal(0, await page.GetByText(changed, new() { Exact = true }).CountAsync());
    }
}
