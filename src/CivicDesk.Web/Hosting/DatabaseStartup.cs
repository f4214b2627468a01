using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Web.Workspace;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicDesk.Web.Hosting;

/// <summary>
/// Brings the database up to date and seeds the demo jurisdiction and, once, its history, before the first
/// request.
/// </summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await using AsyncServiceScope scope = app.Services.CreateAsyncScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        DemoOptions demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(demo.Catalog))
        {
            SeedCatalogHandler seed = scope.ServiceProvider.GetRequiredService<SeedCatalogHandler>();
            await seed.HandleAsync(DemoOptions.Resolve(demo.Catalog), cancellationToken);
            if (demo.SeedHistory)
            {
                await ImportHistoryOnceAsync(scope.ServiceProvider, demo, cancellationToken);
            }
        }

        await app.EnsureFirstAdministratorAsync(scope.ServiceProvider, cancellationToken);
    }

    private static async Task ImportHistoryOnceAsync(
        IServiceProvider services,
        DemoOptions demo,
        CancellationToken cancellationToken)
    {
        ImportCases history = new(DemoOptions.Resolve(demo.HistoryMapping), DemoOptions.Resolve(demo.History));
        Result<ImportSummary?> imported = await services.GetRequiredService<ImportCasesHandler>()
            .HandleOnceAsync(history, cancellationToken);
        if (!imported.IsSuccess)
        {
            throw new InvalidOperationException($"The demo history could not be imported: {imported.Error}");
        }
    }
}
