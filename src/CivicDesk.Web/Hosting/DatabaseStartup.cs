using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.CaseTypes.PublishCaseType;
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
            (Guid jurisdictionId, _) = await seed.HandleAsync(DemoOptions.Resolve(demo.Catalog), cancellationToken);
            if (!string.IsNullOrWhiteSpace(demo.CaseType))
            {
                await PublishCaseTypeAsync(scope.ServiceProvider, jurisdictionId, demo, cancellationToken);
            }

            if (demo.SeedHistory)
            {
                await ImportHistoryOnceAsync(scope.ServiceProvider, demo, cancellationToken);
            }
        }

        await app.EnsureFirstAdministratorAsync(scope.ServiceProvider, cancellationToken);
    }

    /// <summary>Publishes the demo case type; unchanged on later starts, since the same content is a no-op.</summary>
    private static async Task PublishCaseTypeAsync(
        IServiceProvider services,
        Guid jurisdictionId,
        DemoOptions demo,
        CancellationToken cancellationToken)
    {
        CaseTypeRead read = CaseTypeFiles.Read(DemoOptions.Resolve(demo.CaseType));
        CaseTypePublication publication = read.ToPublication(Actor.System) ?? throw new InvalidOperationException(
            $"The demo case type does not load: {string.Join("; ", read.Problems)}");
        string code = await services.GetRequiredService<CivicDeskDbContext>().Jurisdictions
            .Where(j => j.Id == jurisdictionId).Select(j => j.Code).SingleAsync(cancellationToken);
        Result<PublishedCaseType> published = await services.GetRequiredService<PublishCaseTypeHandler>()
            .HandleAsync(code, publication, cancellationToken);
        if (!published.IsSuccess)
        {
            throw new InvalidOperationException($"The demo case type could not be published: {published.Error}");
        }
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
