using CivicDesk.Core.Cases.AddCaseNote;
using CivicDesk.Core.Cases.AssignCase;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Cases.GetCase;
using CivicDesk.Core.Cases.ListCases;
using CivicDesk.Core.Cases.OverrideRouting;
using CivicDesk.Core.Cases.ReadCaseContact;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Cases.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>Registers the staff use cases on cases: the scope, the queries and the three actions.</summary>
    public static IServiceCollection AddStaffCaseWork(this IServiceCollection services)
    {
        services.AddScoped<StaffScopes>();
        services.AddScoped<CaseChanges>();
        services.AddScoped<ListCasesHandler>();
        services.AddScoped<GetCaseHandler>();
        services.AddScoped<GetCasePhotoHandler>();
        services.AddScoped<ReadCaseContactHandler>();
        services.AddScoped<AssignCaseHandler>();
        services.AddScoped<ChangeCaseStatusHandler>();
        services.AddScoped<CaseTransitions>();
        services.AddScoped<AddCaseNoteHandler>();
        services.AddScoped<OverrideRoutingHandler>();
        services.AddSingleton<RoutingPolicies>();
        services.AddScoped<CaseRouter>();
        services.AddOptions<RoutingOptions>();
        return services;
    }
}
