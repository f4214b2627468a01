using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CivicDesk.Web.Security;

/// <summary>
/// API callers get 401 and 403 rather than a redirect to a sign-in page; a user who must still replace a
/// one-time password is sent to the password page instead of the "not allowed" page.
/// </summary>
internal sealed class StaffCookieEvents : CookieAuthenticationEvents
{
    public const string PasswordPath = "/staff/password";

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        if (StaffClaims.MustChangePassword(context.HttpContext.User))
        {
            context.Response.Redirect(PasswordPath);
            return Task.CompletedTask;
        }

        return base.RedirectToAccessDenied(context);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
}
