using System.Security.Cryptography;
using System.Text;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.VerifyApiKey;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicDesk.Cli.Tests.Commands;

public sealed class ApiKeysCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task IssueListRevoke_OneKey_PrintsTheSecretOnceAndStoresOnlyItsHash(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid nyc = await SeedAsync(database);

        (int issued, string issueOutput, _) = await CliRun.RunAsync(
            database, "apikeys", "issue", "--jurisdiction", "nyc", "--name", "FixMyStreet pilot");
        string key = issueOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        string prefix = ApiKeySecrets.PrefixOf(key)!;
        (int listed, string listOutput, _) = await CliRun.RunAsync(database, "apikeys", "list");
        bool acceptedBefore = await VerifyAsync(database, key, nyc);
        (int revoked, string revokeOutput, _) = await CliRun.RunAsync(database, "apikeys", "revoke", "cdk_" + prefix);
        (_, string listAfter, _) = await CliRun.RunAsync(database, "apikeys", "list", "--jurisdiction", "nyc");
        bool acceptedAfter = await VerifyAsync(database, key, nyc);

        Assert.Equal((0, 0, 0), (issued, listed, revoked));
        Assert.Matches("^cdk_[0-9a-z]{8}_[A-Za-z0-9_-]{43}$", key);
        Assert.Contains(prefix, listOutput, StringComparison.Ordinal);
        Assert.Contains("active", listOutput, StringComparison.Ordinal);
        Assert.Contains("FixMyStreet pilot", listOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listOutput + revokeOutput + listAfter, StringComparison.Ordinal);
        Assert.Contains("revoked", listAfter, StringComparison.Ordinal);
        Assert.True(acceptedBefore);
        Assert.False(acceptedAfter);
        await using CivicDeskDbContext db = database.CreateContext();
        ApiKey stored = await db.ApiKeys.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored.SecretHash);
        List<AuditEntry> audit = await db.AuditEntries.Where(a => a.TargetType == "api_key")
            .OrderBy(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["apikey.issued", "apikey.revoked"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(stored.Id, a.TargetId));
        Assert.All(audit, a => Assert.DoesNotContain(key[13..], a.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Apikeys_UnknownJurisdictionOrPrefix_FailsWithAMessage(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        (int issued, _, string issueError) = await CliRun.RunAsync(
            database, "apikeys", "issue", "--jurisdiction", "atlantis", "--name", "Nobody");
        (int revoked, _, string revokeError) = await CliRun.RunAsync(database, "apikeys", "revoke", "zzzzzzzz");
        (int unnamed, _, string nameError) = await CliRun.RunAsync(
            database, "apikeys", "issue", "--jurisdiction", "nyc", "--name", "  ");
        (int listed, string listOutput, string listError) = await CliRun.RunAsync(
            database, "apikeys", "list", "--jurisdiction", "nyc.gov");

        Assert.Equal((1, 1, 1, 1), (issued, revoked, unnamed, listed));
        Assert.StartsWith(
            "--jurisdiction: No jurisdiction has this code; use one of: nyc.", listError, StringComparison.Ordinal);
        Assert.DoesNotContain("key(s)", listOutput, StringComparison.Ordinal);
        Assert.StartsWith(
            "--jurisdiction: No jurisdiction has this code; use one of: nyc.", issueError, StringComparison.Ordinal);
        Assert.Contains("API key was not found", revokeError, StringComparison.Ordinal);
        Assert.Contains("--name", nameError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Revoke_Twice_KeepsTheFirstRevocation(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        (_, string output, _) = await CliRun.RunAsync(
            database, "apikeys", "issue", "--jurisdiction", "nyc", "--name", "Twice");
        string prefix = ApiKeySecrets.PrefixOf(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim())!;

        (int first, _, _) = await CliRun.RunAsync(database, "apikeys", "revoke", prefix);
        (int second, string again, _) = await CliRun.RunAsync(database, "apikeys", "revoke", prefix.ToUpperInvariant());

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("was already revoked", again, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        int revocations = await db.AuditEntries.CountAsync(
            a => a.Action == "apikey.revoked", TestContext.Current.CancellationToken);
        Assert.Equal(1, revocations);
    }

    private static async Task<Guid> SeedAsync(TestDatabase database)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        SeedCatalogHandler seed = new(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance);
        (Guid id, _) = await seed.HandleAsync(
            RepositoryPaths.Samples("catalog", "nyc.json"), TestContext.Current.CancellationToken);
        return id;
    }

    private static async Task<bool> VerifyAsync(TestDatabase database, string key, Guid jurisdictionId)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        // A cache of its own per check, as a server started after the command would have.
        VerifyApiKeyHandler verify =
            new(db, new ApiKeyCache(TimeProvider.System), NullLogger<VerifyApiKeyHandler>.Instance);
        Result<VerifiedApiKey> result = await verify.HandleAsync(
            new VerifyApiKey(key, jurisdictionId), TestContext.Current.CancellationToken);
        return result.IsSuccess;
    }
}
