using System.Globalization;
using System.Security.Claims;
using CivicDesk.Core.Cases.Scope;
using CivicDesk.Core.Identity.SignIn;

namespace CivicDesk.Web.Security;

/// <summary>
/// The claims of a staff session (user id, user name, display name, role, security stamp) and how to read
/// them back.
/// </summary>
public static class StaffClaims
{
    public const string DisplayName = "civicdesk:display_name";

    public const string MustChange = "civicdesk:must_change_password";

    public const string SecurityStamp = "civicdesk:security_stamp";

    public static ClaimsPrincipal Create(SignedInStaff staff)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, staff.UserId.ToString()),
            new(ClaimTypes.Name, staff.UserName),
            new(DisplayName, staff.DisplayName),
            new(ClaimTypes.Role, staff.Role.ToString()),
            new(SecurityStamp, staff.SecurityStamp),
        ];
        if (staff.MustChangePassword)
        {
            claims.Add(new Claim(MustChange, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, StaffPolicies.Scheme));
    }

    public static bool MustChangePassword(ClaimsPrincipal user) => user.HasClaim(MustChange, "true");

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out Guid id)
            ? id
            : null;

    /// <summary>The caller for Core's staff use cases; an unreadable session gets an id that matches no one.</summary>
    public static StaffCaller Caller(HttpContext context) =>
        new(UserId(context.User) ?? Guid.Empty, context.Connection.RemoteIpAddress?.ToString());
}
