using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.SubmitRequest;
using CivicDesk.Core.Cases.TrackRequest;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Calendars.ListCalendars;
using CivicDesk.Core.Calendars.PublishCalendar;
using CivicDesk.Core.CaseTypes.MigrateCaseType;
using CivicDesk.Core.CaseTypes.PublishCaseType;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Imports;
using CivicDesk.Core.Notifications;
using CivicDesk.Core.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the use cases of every Core feature.</summary>
    public static IServiceCollection AddCivicDeskCore(this IServiceCollection services)
    {
        services.AddSingleton<CatalogCache>();
        services.AddScoped<SubmitRequestHandler>();
        services.AddScoped<SeedCatalogHandler>();
        services.AddApiKeys();
        services.AddStaffIdentity();
        services.AddStaffCaseWork();
        services.AddScoped<GetCatalogHandler>();
        services.AddScoped<TrackRequestHandler>();
        services.AddImports();
        services.AddScoped<CaseTypeResolver>();
        services.AddSingleton<CaseTypeCache>();
        services.AddScoped<PinnedCaseTypes>();
        services.AddScoped<PublishCaseTypeHandler>();
        services.AddScoped<MigrateCaseTypeHandler>();
        services.AddScoped<PublishCalendarHandler>();
        services.AddScoped<ListCalendarsHandler>();
        services.AddDurableTimers();
        services.AddNotifications();
        return services;
    }
}
