using System.Security.Claims;
using CivicDesk.Core.Identity.CheckSession;
using CivicDesk.Web.Errors;
using CivicDesk.Web.Workspace;
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
            context.Response.Redirect(PasswordPage(context.Request));
            return Task.CompletedTask;
        }

        return base.RedirectToAccessDenied(context);
    }

    /// <summary>
    /// The password page, asked to return to the page the user opened when it is one to come back to: a
    /// read (a form posted before the change is not replayed) of a path of this site.
    /// </summary>
    private static string PasswordPage(HttpRequest request)
    {
        string asked = string.Concat(request.PathBase, request.Path, request.QueryString);
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && LocalUrl.IsLocal(asked)
            ? $"{PasswordPath}?returnUrl={Uri.EscapeDataString(asked)}"
            : PasswordPath;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
}
