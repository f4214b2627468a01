using Microsoft.AspNetCore.Components;

namespace CivicDesk.Web.Components;

/// <summary>
/// Links to a place on the page being shown. Pages carry <c>&lt;base href="/"&gt;</c>, against which a browser
/// resolves a bare <c>#fragment</c>: such a link opened the home page, and on a form shown again with errors it threw
/// away what the reader typed. The page's own path and query, with the fragment, stay on the page.
/// </summary>
internal static class SamePage
{
    public static string Link(NavigationManager navigation, string fragment) =>
        $"{new Uri(navigation.Uri).PathAndQuery}#{fragment}";
}
