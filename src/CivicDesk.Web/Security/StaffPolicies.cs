using CivicDesk.Core.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CivicDesk.Web.Security;

/// <summary>The named authorization policies. Every endpoint names one of these or allows anonymous use.</summary>
public static class StaffPolicies
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Any signed-in member of staff.</summary>
    public const string Staff = "staff";

    public const string Supervisor = "supervisor";

    public const string Administrator = "administrator";

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
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, policy => policy.RequireAuthenticatedUser()
                .RequireRole(nameof(StaffRole.Agent), nameof(StaffRole.Supervisor), nameof(StaffRole.Administrator)))
            .AddPolicy(Supervisor, policy => policy.RequireAuthenticatedUser()
                .RequireRole(nameof(StaffRole.Supervisor), nameof(StaffRole.Administrator)))
            .AddPolicy(Administrator, policy => policy.RequireAuthenticatedUser()
                .RequireRole(nameof(StaffRole.Administrator)))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().Build());
        return services;
    }
}
