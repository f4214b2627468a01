using Microsoft.Playwright;

namespace CivicDesk.Browser.Tests;

/// <summary>Steps the staff tests share: signing in in a language, and the axe check that fits the context.</summary>
internal static class StaffPages
{
    public static string ChangeStatus(string language) => language == "es" ? "Cambiar estado" : "Change status";

    /// <summary>
    /// A new page of <paramref name="context"/>, signed in as a seeded user, on the page sign-in leads to (the
    /// queue, or the password page for a one-time password).
    /// </summary>
    public static async Task<IPage> SignInAsync(
        IBrowserContext context,
        string userName,
        string language,
        string password = StaffSeed.Password,
        string landing = "**/staff")
    {
        IPage page = await context.NewPageAsync();
        await page.GotoAsync($"/culture/{language}?returnUrl=/staff/sign-in");
        bool spanish = language == "es";
        await page.GetByLabel(spanish ? "Nombre de usuario" : "User name", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel(spanish ? "Contraseña" : "Password", new() { Exact = true })
            .FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = spanish ? "Entrar" : "Sign in", Exact = true })
            .ClickAsync();
        await page.WaitForURLAsync(landing);
        return page;
    }

    /// <summary>axe on the page as it stands; without JavaScript, on a copy in a context that runs it.</summary>
    public static async Task CheckAsync(
        BrowserApp app,
        IPage page,
        bool javaScript,
        string step,
        CancellationToken cancellationToken)
    {
        if (javaScript)
        {
            await Accessibility.AssertNoViolationsAsync(page, step);
            return;
        }

        await using IBrowserContext checking = await app.NewContextAsync(javaScript: true, cancellationToken);
        IPage checker = await BrowserApp.NewCheckerPageAsync(checking);
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, checker, step);
    }
}
