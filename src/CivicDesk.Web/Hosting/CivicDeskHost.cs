using CivicDesk.Core;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using CivicDesk.Web.Components;
using CivicDesk.Web.Errors;
using CivicDesk.Web.Localization;
using CivicDesk.Web.Security;

namespace CivicDesk.Web.Hosting;

/// <summary>Composition of the web host: each feature registers itself here and nowhere else.</summary>
public static class CivicDeskHost
{
    public static WebApplicationBuilder AddCivicDesk(this WebApplicationBuilder builder)
    {
        DatabaseOptions database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()
            ?? new DatabaseOptions();
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCivicDeskData(database);
        builder.Services.AddCivicDeskCore();
        string filesRoot = builder.Configuration["Files:Root"] ?? "data/files";
        builder.Services.AddSingleton<IFileStore>(new LocalFileStore(Path.GetFullPath(filesRoot)));

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnhandledExceptionHandler>();
        builder.Services.AddStaffSecurity();
        builder.Services.AddCultures();
        builder.Services.AddAntiforgery();
        builder.Services.AddRazorComponents();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication UseCivicDesk(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapCultureSwitch();
        app.MapRazorComponents<App>();
        return app;
    }
}
