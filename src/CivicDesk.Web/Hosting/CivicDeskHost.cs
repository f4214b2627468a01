using CivicDesk.Core;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using CivicDesk.Web.Components;
using CivicDesk.Web.Errors;
using CivicDesk.Web.Localization;
using CivicDesk.Web.Notifications;
using CivicDesk.Web.Open311;
using CivicDesk.Web.Portal;
using CivicDesk.Web.Portal.NotFound;
using CivicDesk.Web.Security;
using CivicDesk.Web.StaffApi;
using CivicDesk.Web.Timers;
using CivicDesk.Web.Workspace;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;

namespace CivicDesk.Web.Hosting;

/// <summary>Composition of the web host: each feature registers itself here and nowhere else.</summary>
public static class CivicDeskHost
{
    public static WebApplicationBuilder AddCivicDesk(this WebApplicationBuilder builder)
    {
        string dataFolder = builder.Configuration["DataFolder"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : DataFolder.Resolve();
        DatabaseOptions database = (builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()
            ?? new DatabaseOptions()).Resolved(dataFolder);
        builder.Services.AddOptions<DatabaseOptions>()
            .Configure(o => (o.Provider, o.ConnectionString) = (database.Provider, database.ConnectionString))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCivicDeskData(database);
        builder.Services.AddCivicDeskCore();
        builder.Services.AddTimerPolling(builder.Configuration);
        builder.Services.AddNotificationSending(builder.Configuration);
        builder.Services.AddOptions<RoutingOptions>()
            .Bind(builder.Configuration.GetSection(RoutingOptions.SectionName));
        builder.Services.AddSingleton<IFileStore>(new LocalFileStore(Path.Combine(dataFolder, "files")));
        string keys = Path.Combine(dataFolder, "keys");
        DataFolder.CreatePrivateFolder(keys);
        builder.Services.AddDataProtection()
            .SetApplicationName("CivicDesk")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));

        builder.Services.AddPublicOrigin(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<RouteMethods>();
        builder.Services.AddOpen311(builder.Configuration);
        builder.Services.AddExceptionHandler<UnhandledExceptionHandler>();
        builder.Services.AddStaffSecurity();
        builder.Services.AddWorkspace(builder.Configuration);
        builder.Services.AddCultures();
        builder.Services.AddAntiforgery();
        builder.Services.AddRazorComponents();
        builder.Services.AddPortal(builder.Configuration);
        builder.Services.AddOpenApi(LeaveOutHead);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication UseCivicDesk(this WebApplication app)
    {
        app.UsePublicOrigin();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();

        // After localization, so that the re-executed not-found page keeps the reader's language.
        app.UseWorkspaceNotFound();
        app.UseStaticFiles();

        // Routing after the static files: the catch-all fallbacks of unknown addresses would otherwise match
        // every file's path, and the static files middleware serves no request that has an endpoint.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapCultureSwitch();
        app.MapOpen311();
        app.MapWorkspace();
        app.MapStaffApi();
        app.MapPortal();
        app.MapRazorComponents<App>();
        app.MapUnknownAddresses();
        return app;
    }

    // HEAD answers each read route as GET does, without a body: describing it twice would say nothing more.
    private static void LeaveOutHead(OpenApiOptions options)
    {
        Func<ApiDescription, bool> inDocument = options.ShouldInclude;
        options.ShouldInclude = description =>
            inDocument(description) && !HttpMethods.IsHead(description.HttpMethod ?? string.Empty);
    }
}
