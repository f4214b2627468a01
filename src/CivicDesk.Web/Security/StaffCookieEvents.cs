using System.Security.Claims;
using CivicDesk.Core.Identity.CheckSession;
using CivicDesk.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CivicDesk.Web.Security;

/// <summary>
/// Checks on every request that the session's security stamp is still the account's (so a sign-out,
/// password change or deactivation ends it), answers API callers 401 and 403 rather than a redirect to a
/// sign-in page, and sends a user who must still replace a one-time password to the password page instead
/// of the "not allowed" page.
/// </summary>
internal sealed class StaffCookieEvents(CheckSessionHandler sessions) : CookieAuthenticationEvents
{
    public const string PasswordPath = "/staff/password";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ClaimsPrincipal? principal = context.Principal;
        Guid? userId = principal is null ? null : StaffClaims.UserId(principal);
        string? stamp = principal?.FindFirstValue(StaffClaims.SecurityStamp);
        if (userId is Guid id && stamp is { Length: > 0 }
            && await sessions.HandleAsync(id, stamp, context.HttpContext.RequestAborted))
        {
            return;
        }

        // A session from before the stamp existed, or one the stamp has ended: forget it and its cookie.
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(StaffPolicies.Scheme);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
        {
            return ProblemResults.Unauthenticated().ExecuteAsync(context.HttpContext);
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
        {
            return ProblemResults.PolicyForbidden(StaffClaims.MustChangePassword(context.HttpContext.User))
                .ExecuteAsync(context.HttpContext);
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
