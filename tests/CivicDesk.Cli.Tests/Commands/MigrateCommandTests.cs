using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Cli.Tests.Commands;

public sealed class MigrateCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationOnce(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);

        (int first, string output, _) = await CliRun.RunAsync(database, "migrate");
        (int second, string again, _) = await CliRun.RunAsync(database, "migrate");

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.StartsWith("Applied 1 migration(s)", output, StringComparison.Ordinal);
        Assert.StartsWith("Applied 0 migration(s)", again, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
