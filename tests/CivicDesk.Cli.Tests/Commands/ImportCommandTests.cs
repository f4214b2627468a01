using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Cli.Tests.Commands;

public sealed class ImportCommandTests
{
    private static readonly string NycSample = RepositoryPaths.Samples("nyc311", "nyc311_2023_sample_5k.csv");
    private static readonly string LaSample = RepositoryPaths.Samples("la311", "myla311_2018_sample_10k.csv");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_BothRealFilesThenNycAgain_PrintsCountsAndAddsNothingTwice(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        string report = Path.Combine(Path.GetTempPath(), $"civicdesk-cli-{Guid.NewGuid():N}.csv");

        (int nyc, string nycOutput, string nycProgress) = await CliRun.RunAsync(
            database, "import", "nyc311", NycSample, "--report", report, "--progress-every", "2000");
        (int la, string laOutput, _) = await CliRun.RunAsync(
            database, "import", "la311", LaSample, "--report", report);
        (int again, string againOutput, _) = await CliRun.RunAsync(
            database, "import", "nyc311", NycSample, "--report", report);

        Assert.Equal((0, 0, 0), (nyc, la, again));
        Assert.Equal("4,999", Count(nycOutput, "inserted"));
        Assert.Equal("262", Count(nycOutput, "flagged"));
        Assert.Equal("198", Count(nycOutput, "MisdecodedText"));
        Assert.Equal("81", Count(nycOutput, "services created"));

        // No case type is published here: each of the 580 open cases gets the configured default clock, once.
        Assert.Equal(("580", "580"), (Count(nycOutput, "open cases clocked"), Count(nycOutput, "clocks scheduled")));
        Assert.Equal(("0", "0"), (Count(laOutput, "clocks scheduled"), Count(againOutput, "clocks scheduled")));
        Assert.Equal(
            ["2,000 rows read…", "4,000 rows read…"],
            nycProgress.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("10,000", Count(laOutput, "inserted"));
        Assert.Equal("13", Count(laOutput, "ClosedBeforeCreated"));
        Assert.Equal(("0", "4,999"), (Count(againOutput, "inserted"), Count(againOutput, "already present")));
        Assert.Contains($"Rejected rows are listed in {report}", againOutput, StringComparison.Ordinal);
        Assert.Equal(["line_number,source_key,reason"], await File.ReadAllLinesAsync(report, Token));
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(14999, await db.Cases.CountAsync(Token));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_RowsOnlyThenClocksOnly_SplitsTheMigrationIntoItsTwoPhases(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        string report = Path.Combine(Path.GetTempPath(), $"civicdesk-cli-{Guid.NewGuid():N}.csv");

        (int early, _, string earlyError) = await CliRun.RunAsync(
            database, "import", "nyc311", NycSample, "--clocks-only");
        (int rows, string rowsOutput, _) = await CliRun.RunAsync(
            database, "import", "nyc311", NycSample, "--rows-only", "--report", report);
        (int clocks, string clocksOutput, _) = await CliRun.RunAsync(
            database, "import", "nyc311", "/not/read.csv", "--clocks-only");
        (int both, _, string bothError) = await CliRun.RunAsync(
            database, "import", "nyc311", NycSample, "--rows-only", "--clocks-only");

        Assert.Equal((1, 0, 0), (early, rows, clocks));
        Assert.StartsWith("error: mapping: Jurisdiction nyc has no", earlyError, StringComparison.Ordinal);
        Assert.Equal(("4,999", "0"), (Count(rowsOutput, "inserted"), Count(rowsOutput, "clocks scheduled")));
        Assert.Equal(("0", "580"), (Count(clocksOutput, "inserted"), Count(clocksOutput, "clocks scheduled")));
        Assert.NotEqual(0, both);
        Assert.Contains("give one of them", bothError, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(580, await db.CaseSlaClocks.CountAsync(Token));
    }

    [Fact]
    public async Task Import_MissingFile_NamesTheFileAndFails()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);

        (int exitCode, _, string error) = await CliRun.RunAsync(database, "import", "nyc311", "/no/such/file.csv");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: file: The file /no/such/file.csv does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownSource_IsRefusedByTheParser()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);

        (int exitCode, _, string error) = await CliRun.RunAsync(database, "import", "boston311", "file.csv");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("boston311", error, StringComparison.Ordinal);
    }

    /// <summary>The count printed on the summary line that starts with <paramref name="label"/>.</summary>
    private static string Count(string output, string label) =>
        output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(label + " ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
}
