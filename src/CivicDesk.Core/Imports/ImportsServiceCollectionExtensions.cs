using CivicDesk.Core.Imports.ImportCases;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Imports;

public static class ImportsServiceCollectionExtensions
{
    /// <summary>Registers the importers of case history.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddScoped<ImportCasesHandler>();
}
