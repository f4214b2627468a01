using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Core.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Imports;

public static class ImportsServiceCollectionExtensions
{
    /// <summary>Registers the importers of case history and the first scheduling of their cases' clocks.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddScoped<ImportCasesHandler>().AddScoped<SlaFirstScheduling>();
}
