using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Sla;
using CivicDesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicDesk.Core.Tests.Imports;

/// <summary>Runs the importer against a test database, with the repository's mappings and samples.</summary>
internal static class ImportTestSupport
{
    public static string NycMapping => RepositoryPaths.Samples("imports", "nyc311.json");

    public static string LaMapping => RepositoryPaths.Samples("imports", "la311.json");

    public static string NycSample => RepositoryPaths.Samples("nyc311", "nyc311_2023_sample_5k.csv");

    public static string LaSample => RepositoryPaths.Samples("la311", "myla311_2018_sample_10k.csv");

    public static async Task<Result<ImportSummary>> TryImportAsync(
        TestDatabase database,
        ImportCases request,
        TimeProvider? time = null)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        ImportCasesHandler handler = Handler(db, time ?? TimeProvider.System);
        return await handler.HandleAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The importer over <paramref name="db"/>, with the SLA services the container would give it.</summary>
    public static ImportCasesHandler Handler(CivicDeskDbContext db, TimeProvider time)
    {
        CatalogCache catalog = new(time);
        ISlaPolicy policy = SlaServices.Policy(db, catalog);
        SlaFirstScheduling clocks = new(db, policy, new SlaTimerScheduler(db, policy, time), time);
        SeedCatalogHandler seed = new(db, time, NullLogger<SeedCatalogHandler>.Instance);
        return new ImportCasesHandler(
            db, seed, new CaseTypeResolver(db, catalog), clocks, time, NullLogger<ImportCasesHandler>.Instance);
    }

    public static async Task<ImportSummary> ImportAsync(
        TestDatabase database,
        string mapping,
        string file,
        string? report = null)
    {
        ImportCases request = new(mapping, file, report ?? TempFile(".csv"));
        Result<ImportSummary> result = await TryImportAsync(database, request);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    public static string TempFile(string extension)
    {
        string folder = Path.Combine(Path.GetTempPath(), "civicdesk-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
    }
}
