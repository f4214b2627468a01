namespace CivicDesk.Web.Workspace;

/// <summary>
/// Carries "your password was changed" across the redirect from the password page to the page a forced change
/// returns to, in a short-lived cookie of the workspace that the first staff page shown reads and deletes, so
/// the address the user asked for stays as it was.
/// </summary>
public static class PasswordChangedNotice
{
    private const string CookieName = "civicdesk.notice";
    private const string Value = "password-changed";
    private const string CookiePath = "/staff";

    public static void Leave(HttpContext context) =>
        context.Response.Cookies.Append(CookieName, Value, Options(context));

    /// <summary>True once after <see cref="Leave"/>: the cookie is deleted when it is read.</summary>
    public static bool Take(HttpContext context)
    {
        if (!string.Equals(context.Request.Cookies[CookieName], Value, StringComparison.Ordinal))
        {
            return false;
        }

        if (!context.Response.HasStarted)
        {
            context.Response.Cookies.Delete(CookieName, Options(context));
        }

        return true;
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        Path = CookiePath,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        MaxAge = TimeSpan.FromMinutes(2),
    };
}
