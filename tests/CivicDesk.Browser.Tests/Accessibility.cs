using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CivicDesk.Browser.Tests;

/// <summary>Runs axe-core on a page as it stands; fails on any WCAG 2.0, 2.1 or 2.2 level A or AA violation.</summary>
internal static class Accessibility
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>How long a page may take to run a zero-delay timer before it counts as running no script.</summary>
    private static readonly TimeSpan TimerProbe = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs axe on the page. In a context with JavaScript off axe never finishes (measured: no result after 40 s
    /// on the sign-in and settings pages, while a copy of the same settings page with its 420 time-zone options
    /// checks in 3-5 s), because the page runs no timer; so that is checked first, and such a page fails at once
    /// with a pointer to <see cref="AssertNoViolationsWithoutScriptAsync"/> rather than hanging the journey.
    /// </summary>
    public static async Task<AxeResult> RunAsync(IPage page)
    {
        Task<bool> timer = page.EvaluateAsync<bool>("() => new Promise(done => setTimeout(() => done(true), 0))");
        if (await Task.WhenAny(timer, Task.Delay(TimerProbe)) != timer)
        {
            Assert.Fail($"{page.Url} runs no script, so axe cannot run in it; check a page of a context without "
                + "JavaScript with AssertNoViolationsWithoutScriptAsync.");
        }

        return await page.RunAxe(
            new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
    }

    public static async Task AssertNoViolationsAsync(IPage page, string step)
    {
        AxeResult result = await RunAsync(page);

        string report = string.Join(
            Environment.NewLine,
            result.Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(
            result.Violations.Length == 0,
            $"axe found violations on {step} ({page.Url}):{Environment.NewLine}{report}");
        Assert.NotEmpty(result.Passes);
    }

    /// <summary>
    /// Presses Tab <paramref name="count"/> times from the top of the page and returns, for each stop, the
    /// focused element's id (or tag) and whether it shows a focus outline.
    /// </summary>
    public static async Task<List<(string Element, bool Outlined)>> TabThroughAsync(IPage page, int count)
    {
        List<(string Element, bool Outlined)> stops = [];
        for (int i = 0; i < count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            string element = await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e.id || e.className || e.tagName; }");
            bool outlined = await page.EvaluateAsync<bool>(
                "() => { const s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }");
            stops.Add((element, outlined));
        }

        return stops;
    }

    /// <summary>
    /// Checks a page of a browser that runs no JavaScript, where axe itself cannot run. The exact document
    /// that browser holds is served again, at the same address, to a checker page whose own scripts are all
    /// blocked, so axe sees the same markup with the same styles and nothing added by script.
    /// </summary>
    public static async Task AssertNoViolationsWithoutScriptAsync(IPage page, IPage checker, string step)
    {
        await ServeAgainAsync(checker, page.Url, await page.ContentAsync());
        await AssertNoViolationsAsync(checker, step);
    }

    /// <summary>Loads <paramref name="html"/> into the checker as if the server answered it at that address.</summary>
    public static async Task ServeAgainAsync(IPage checker, string url, string html)
    {
        await checker.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = html,
        }));
        await checker.GotoAsync(url);
        await checker.UnrouteAsync(url);
    }
}
