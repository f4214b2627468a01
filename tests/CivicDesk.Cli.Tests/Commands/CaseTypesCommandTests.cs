using CivicDesk.Core.Calendars.PublishCalendar;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.CaseTypes.PublishCaseType;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Data;
using CivicDesk.Core.Sla;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CivicDesk.Cli.Tests.Commands;

/// <summary><c>civicdesk case-types migrate</c> previews by default and moves open cases only with --apply.</summary>
public sealed class CaseTypesCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_PreviewThenApply_ShowsCountsAndMovesOnlyWhenAsked(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid caseId = await SeedCaseOnV1Async(database);
        string[] arguments =
            ["case-types", "migrate", "--jurisdiction", "nyc", "--key", "nyc-311", "--from", "1", "--to", "2",
             "--map", "new=open", "open=open", "in_progress=in_progress", "on_hold=on_hold"];

        (int previewed, string previewOutput, _) = await CliRun.RunAsync(database, arguments);
        int? versionAfterPreview = await VersionAsync(database, caseId);
        (int applied, string applyOutput, _) = await CliRun.RunAsync(database, [.. arguments, "--apply"]);

        Assert.Equal((0, 0), (previewed, applied));
        Assert.Contains("would move 1 open case(s)", previewOutput, StringComparison.Ordinal);
        Assert.Contains("Add --apply", previewOutput, StringComparison.Ordinal);
        Assert.Equal(1, versionAfterPreview);
        Assert.Contains("moved 1 open case(s)", applyOutput, StringComparison.Ordinal);
        Assert.Equal(2, await VersionAsync(database, caseId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publish_The311SampleTwice_PublishesOnceWithItsFiles(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedCatalogAsync(database);
        string file = RepositoryPaths.Samples("case-types", "nyc-311.yaml");

        (int first, string firstOutput, _) =
            await CliRun.RunAsync(database, "case-types", "publish", file, "--jurisdiction", "nyc");
        (int second, string secondOutput, _) =
            await CliRun.RunAsync(database, "case-types", "publish", file, "--jurisdiction", "nyc");

        Assert.Equal((0, 0), (first, second));
        Assert.StartsWith("nyc-311 version 1 published", firstOutput, StringComparison.Ordinal);
        Assert.StartsWith("nyc-311 version 1 was already published", secondOutput, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        CaseTypeVersion stored = await db.CaseTypeVersions.SingleAsync(Ct);
        Assert.Contains("nyc-business", stored.Files, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_BrokenFile_PrintsEveryProblemWithItsLineAndStoresNothing()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await SeedCatalogAsync(database);
        string folder = Path.Combine(
            Path.GetTempPath(), "civicdesk-tests", "case-types-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "broken.yaml");
        string text = await File.ReadAllTextAsync(RepositoryPaths.Samples("case-types", "nyc-311.yaml"), Ct);
        string broken = text.Replace("    to: open\n", "    to: opened\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, broken, Ct);

        (int exit, _, string error) =
            await CliRun.RunAsync(database, "case-types", "publish", file, "--jurisdiction", "nyc");

        Assert.Equal(1, exit);
        Assert.Matches(@"^broken\.yaml:\d+:\d+: .*'opened'", error);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(0, await db.CaseTypeVersions.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publish_CaseTypeWhoseRoutingRulesDoNotLoad_PrintsTheRuleFileProblemAndStoresNothing(
        string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedCatalogAsync(database);
        string folder = Path.Combine(
            Path.GetTempPath(), "civicdesk-tests", "case-types-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "types"));
        Directory.CreateDirectory(Path.Combine(folder, "rules"));
        Directory.CreateDirectory(Path.Combine(folder, "calendars"));
        File.Copy(RepositoryPaths.Samples("calendars", "nyc.yaml"), Path.Combine(folder, "calendars", "nyc.yaml"));
        await File.WriteAllTextAsync(
            Path.Combine(folder, "rules", "routing.rules"), "rules \"broken\" version \"1\"\ntable", Ct);
        string text = await File.ReadAllTextAsync(RepositoryPaths.Samples("case-types", "nyc-311.yaml"), Ct);
        string file = Path.Combine(folder, "types", "nyc-311.yaml");
        await File.WriteAllTextAsync(file, text.Replace(
            "routing:\n  rules: ../rules/nyc-routing.rules", "routing:\n  rules: ../rules/routing.rules",
            StringComparison.Ordinal), Ct);

        (int exit, _, string error) =
            await CliRun.RunAsync(database, "case-types", "publish", file, "--jurisdiction", "nyc");

        Assert.Equal(1, exit);
        Assert.Matches(
            @"nyc-311\.yaml:\d+:\d+: routing rules: rule file '\.\./rules/routing\.rules' does not load", error);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(0, await db.CaseTypeVersions.CountAsync(Ct));
    }

    [Theory]
    [InlineData("new", "--map: write each mapping as FROM=TO")]
    [InlineData("resolved=open", "--map: open state 'new' of version 1 is not mapped")]
    public async Task Migrate_BadMapping_FailsWithOneLineNamingTheOption(string mapping, string expected)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await SeedCaseOnV1Async(database);

        (int exit, string output, string error) = await CliRun.RunAsync(
            database, "case-types", "migrate", "--jurisdiction", "nyc", "--key", "nyc-311", "--from", "1", "--to",
            "2", "--map", mapping, "--apply");

        Assert.Equal(1, exit);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_PreviewWithManyMappingProblems_ReportsEveryProblemOnItsOwnLine(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedCaseOnV1Async(database);

        (int exit, string output, string error) = await CliRun.RunAsync(
            database, "case-types", "migrate", "--jurisdiction", "nyc", "--key", "nyc-311", "--from", "1", "--to",
            "2", "--map", "closed=open", "cancelled=open");
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Equal(
            [
                "--map: open state 'new' of version 1 is not mapped",
                "--map: open state 'open' of version 1 is not mapped",
                "--map: open state 'in_progress' of version 1 is not mapped",
                "--map: open state 'on_hold' of version 1 is not mapped",
                "--map: 'closed' is not an open state of version 1; only open and paused states are mapped",
                "--map: 'cancelled' is not an open state of version 1; only open and paused states are mapped",
            ],
            lines);
    }

    private static async Task SeedCatalogAsync(TestDatabase database)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        await new SeedCatalogHandler(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance)
            .HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
    }

    private static async Task<Guid> SeedCaseOnV1Async(TestDatabase database)
    {
        TimeProvider time = TimeProvider.System;
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        (Guid nyc, _) = await new SeedCatalogHandler(db, time, NullLogger<SeedCatalogHandler>.Instance)
            .HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
        CatalogCache catalog = new(time);
        SlaSources sources = new(db, catalog);
        ISlaPolicy policy = new CaseTypeSlaPolicy(
            sources, new DefaultSlaPolicy(db, catalog, Options.Create(new SlaOptions())));
        PublishCalendarHandler calendars = new(
            db, catalog, new SlaRecomputation(db, policy, sources, new SlaTimerScheduler(db, policy, time), time),
            time, NullLogger<PublishCalendarHandler>.Instance);
        PublishCaseTypeHandler publish = new(
            db, catalog, calendars, time, NullLogger<PublishCaseTypeHandler>.Instance);
        CaseTypeRead sample = CaseTypeFiles.Read(RepositoryPaths.Samples("case-types", "nyc-311.yaml"));
        foreach (int version in new[] { 1, 2 })
        {
            // The sample as published, and the same content numbered 2: two versions that load.
            string yaml = sample.Yaml.Replace(
                "\nversion: 1\n", $"\nversion: {version}\n", StringComparison.Ordinal);
            CaseTypePublication publication =
                CaseTypeFiles.Load("nyc-311.yaml", yaml, sample.Files).ToPublication(Actor.System)!;
            await publish.HandleAsync("nyc", publication, Ct);
            if (version == 1)
            {
                await SubmitAsync(db, nyc, publication.ContentHash);
            }
        }

        return await db.Cases.Select(c => c.Id).SingleAsync(Ct);
    }

    private static async Task SubmitAsync(CivicDeskDbContext db, Guid nyc, string contentHash)
    {
        var service = await db.Services.Where(s => s.JurisdictionId == nyc && s.Code == "rodent")
            .Select(s => new { s.Id, s.DepartmentId }).SingleAsync(Ct);
        Guid queue = await db.Queues.Where(q => q.DepartmentId == service.DepartmentId)
            .Select(q => q.Id).FirstAsync(Ct);
        NewCase details = new(
            Guid.NewGuid(), nyc, service.Id, service.DepartmentId, queue, "CLI-TEST-1", Channel.Web, "Rats.",
            CaseLocation.None, CaseAnswers.Empty, null, SystemClock.Instance.GetCurrentInstant())
        {
            CaseType = new PinnedCaseType("nyc-311", 1, contentHash),
        };
        (Case created, CaseEvent first) = Case.Submit(details, Actor.System, Guid.NewGuid());
        db.Cases.Add(created);
        db.CaseEvents.Add(first);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<int?> VersionAsync(TestDatabase database, Guid caseId)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.CaseTypeVersion).SingleAsync(Ct);
    }
}
