using CivicDesk.Core.Identity.AddStaffUser;
using CivicDesk.Core.Identity.ChangePassword;
using CivicDesk.Core.Identity.CheckSession;
using CivicDesk.Core.Identity.ChangeStaffAccess;
using CivicDesk.Core.Identity.DeactivateStaffUser;
using CivicDesk.Core.Identity.EndSessions;
using CivicDesk.Core.Identity.FirstAdministrator;
using CivicDesk.Core.Identity.ListStaffUsers;
using CivicDesk.Core.Identity.ReactivateStaffUser;
using CivicDesk.Core.Identity.ResetStaffPassword;
using CivicDesk.Core.Identity.SignIn;
using CivicDesk.Core.Identity.StaffSettings;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Registers the staff identity use cases and the password hasher.</summary>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<PasswordPolicy>();
        services.AddScoped<AddStaffUserHandler>();
        services.AddScoped<SignInHandler>();
        services.AddScoped<ChangePasswordHandler>();
        services.AddScoped<EnsureFirstAdministratorHandler>();
        services.AddScoped<ListStaffUsersHandler>();
        services.AddScoped<CheckSessionHandler>();
        services.AddScoped<EndSessionsHandler>();
        services.AddScoped<DeactivateStaffUserHandler>();
        services.AddScoped<ResetStaffPasswordHandler>();
        services.AddScoped<ReactivateStaffUserHandler>();
        services.AddScoped<ChangeStaffAccessHandler>();
        services.AddScoped<StaffSettingsHandler>();
        return services;
    }
}
