using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicDesk.Core.Tests.Catalog;

public sealed class GetCatalogHandlerTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_Spanish_GivesTranslatedServicesQuestionsOptionsAndDepartments(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        CatalogView catalog = await HandleAsync(database, "es-MX");

        ServiceView heat = Assert.IsType<ServiceView>(catalog.Find("heat-hot-water"));
        Assert.Equal(30, catalog.Services.Count);
        Assert.Equal("Calefacción o agua caliente", heat.Name);
        Assert.Equal("Vivienda", heat.Group);
        Assert.Equal("Departamento de Preservación y Desarrollo de la Vivienda", heat.DepartmentName);
        Assert.Equal("¿Cuál es el problema?", heat.Questions[0].Label);
        Assert.Equal(["Todo el edificio", "Solo el apartamento"], heat.Questions[0].Options.Select(o => o.Name));
        Assert.Equal(["ENTIRE BUILDING", "APARTMENT ONLY"], heat.Questions[0].Options.Select(o => o.Key));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_LanguageWithoutTranslations_FallsBackToTheSourceText(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        CatalogView catalog = await HandleAsync(database, "fr");

        ServiceView heat = Assert.IsType<ServiceView>(catalog.Find("heat-hot-water"));
        Assert.Equal("Heat or hot water", heat.Name);
        Assert.Equal("Entire building", heat.Questions[0].Options[0].Name);
        Assert.Equal("heat-hot-water", catalog.MostFrequent(1).Single().Code);
    }

    [Fact]
    public async Task HandleAsync_UnknownJurisdiction_IsNotFound()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();

        Result<CatalogView> result = await new GetCatalogHandler(db)
            .HandleAsync(new GetCatalog("nowhere", "en"), TestContext.Current.CancellationToken);

        Assert.IsType<NotFound>(result.Error);
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        SeedCatalogHandler seed = new(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance);
        await seed.HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), TestContext.Current.CancellationToken);
    }

    private static async Task<CatalogView> HandleAsync(TestDatabase database, string culture)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        Result<CatalogView> result = await new GetCatalogHandler(db)
            .HandleAsync(new GetCatalog("nyc", culture), TestContext.Current.CancellationToken);
        return result.Value;
    }
}
