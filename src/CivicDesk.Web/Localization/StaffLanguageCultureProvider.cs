using CivicDesk.Core.Common;
using CivicDesk.Core.Identity.StaffSettings;
using CivicDesk.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;

namespace CivicDesk.Web.Localization;

/// <summary>
/// The workspace's language for a signed-in member of staff who has not picked one on the page: the language of
/// his or her settings (<c>staff_users.language</c>). Runs after the <c>?culture=</c> and cookie providers, so a
/// language picked on the page wins, and before the browser's <c>Accept-Language</c>. Only workspace pages ask;
/// the session is read through the staff scheme, whose result the authentication middleware then reuses.
/// </summary>
internal sealed class StaffLanguageCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        AuthenticateResult session = await httpContext.AuthenticateAsync(StaffPolicies.Scheme);
        if (session.Principal is not { } user || StaffClaims.UserId(user) is not Guid userId)
        {
            return null;
        }

        StaffSettingsHandler settings = httpContext.RequestServices.GetRequiredService<StaffSettingsHandler>();
        Result<StaffSettingsView> found = await settings.GetAsync(userId, httpContext.RequestAborted);
        return found.IsSuccess && found.Value.Language is { Length: > 0 } language
            ? new ProviderCultureResult(language)
            : null;
    }
}
