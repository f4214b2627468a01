using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicDesk.Cli.Tests.Commands;

/// <summary><c>civicdesk calendars publish|list</c>: versions published once, refused when changed in place.</summary>
public sealed class CalendarsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publish_SampleThenAChangedVersion1_PublishesOnceRefusesTheChangeAndListsVersion1(
        string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await using (CivicDeskDbContext db = await database.CreateMigratedContextAsync())
        {
            await new SeedCatalogHandler(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance)
                .HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
        }

        string sample = RepositoryPaths.Samples("calendars", "nyc.yaml");
        string changed = Path.Combine(
            Path.GetTempPath(), "civicdesk-tests", "calendar-" + Guid.NewGuid().ToString("N") + ".yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(changed)!);
        await File.WriteAllTextAsync(
            changed, await File.ReadAllTextAsync(sample, Ct) + "  - {name: Extra, date: \"01-02\"}\n", Ct);

        (int first, string firstOutput, _) =
            await CliRun.RunAsync(database, "calendars", "publish", sample, "--jurisdiction", "nyc");
        (int refused, _, string refusal) =
            await CliRun.RunAsync(database, "calendars", "publish", changed, "--jurisdiction", "nyc");
        (int listed, string list, _) = await CliRun.RunAsync(database, "calendars", "list", "--jurisdiction", "nyc");

        Assert.Equal((0, 1, 0), (first, refused, listed));
        Assert.StartsWith("nyc-business version 1 published", firstOutput, StringComparison.Ordinal);
        Assert.Contains("publish the change as version 2", refusal, StringComparison.Ordinal);
        Assert.StartsWith("nyc-business", list, StringComparison.Ordinal);
        Assert.Single(list.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
