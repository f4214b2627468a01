using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CivicDesk.Web.Localization;

/// <summary>
/// The languages the UI speaks. The choice travels in a cookie set by a plain link, so switching works
/// without JavaScript; <c>?culture=es</c> on any page works too. Without either, a signed-in member of staff sees
/// the workspace in the language of his or her settings (<see cref="StaffLanguageCultureProvider"/>).
/// </summary>
public static class Cultures
{
    public const string Default = "en";

    public static readonly string[] Supported = ["en", "es"];

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static IServiceCollection AddCultures(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Default)
                .AddSupportedCultures(Supported)
                .AddSupportedUICultures(Supported);
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new StaffLanguageCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            string chosen = Supported.Contains(culture, StringComparer.OrdinalIgnoreCase)
                ? culture.ToLowerInvariant()
                : Default;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
