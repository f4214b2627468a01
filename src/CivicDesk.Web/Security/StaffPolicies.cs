using CivicDesk.Core.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace CivicDesk.Web.Security;

/// <summary>The named authorization policies. Every endpoint names one of these or allows anonymous use.</summary>
public static class StaffPolicies
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Any signed-in member of staff who has replaced a one-time password.</summary>
    public const string Staff = "staff";

    public const string Supervisor = "supervisor";

    public const string Administrator = "administrator";

    /// <summary>
    /// Any signed-in member of staff, even one who must still replace a one-time password: only the
    /// pages that manage the user's own session and password use it.
    /// </summary>
    public const string Account = "account";

    public static IServiceCollection AddStaffSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "civicdesk.staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/staff/sign-in";
            options.AccessDeniedPath = "/staff/denied";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.EventsType = typeof(StaffCookieEvents);
        });
        services.AddScoped<StaffCookieEvents>();
        string[] everyRole = [nameof(StaffRole.Agent), nameof(StaffRole.Supervisor), nameof(StaffRole.Administrator)];
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, policy => Working(policy).RequireRole(everyRole))
            .AddPolicy(Supervisor, policy => Working(policy)
                .RequireRole(nameof(StaffRole.Supervisor), nameof(StaffRole.Administrator)))
            .AddPolicy(Administrator, policy => Working(policy).RequireRole(nameof(StaffRole.Administrator)))
            .AddPolicy(Account, policy => policy.RequireAuthenticatedUser().RequireRole(everyRole))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static AuthorizationPolicyBuilder Working(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => !StaffClaims.MustChangePassword(context.User));
}
