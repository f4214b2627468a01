using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CivicDesk.Core.Tests.Imports.ImportTestSupport;

namespace CivicDesk.Core.Tests.Imports;

/// <summary>
/// The importer on the two real samples. Every expected number was computed from the CSVs by
/// <c>expected_counts.py</c> beside this file, not taken from the importer's output.
/// </summary>
public sealed class ImportCasesHandlerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_NycSample_InsertsEveryRowWithExactFlagCounts(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);

        ImportSummary summary = await ImportAsync(database, NycMapping, NycSample);

        Assert.Equal((4999, 4999, 0, 0, 262), Counts(summary));
        Assert.Equal(2, summary.Flags[DataQualityFlags.ClosedBeforeCreated]);
        Assert.Equal(68, summary.Flags[DataQualityFlags.PlaceholderZip]);
        Assert.Equal(198, summary.Flags[DataQualityFlags.MisdecodedText]);
        Assert.Equal(0, summary.Flags[DataQualityFlags.OutsideJurisdiction]);
        Assert.Equal(0, summary.Flags[DataQualityFlags.AmbiguousLocalTime]);
        Assert.Equal(0, summary.Flags[DataQualityFlags.UnreadableValue]);
        Assert.Equal(81, summary.ServicesCreated.Count);
        Assert.Empty(summary.DepartmentsCreated);
        await using CivicDeskDbContext db = database.CreateContext();
        Dictionary<string, int> zips = await db.Cases
            .Where(c => ((int)c.Quality & (int)DataQualityFlags.PlaceholderZip) != 0)
            .GroupBy(c => c.ZipCode!).ToDictionaryAsync(g => g.Key, g => g.Count(), Token);
        Assert.Equal(new Dictionary<string, int> { ["88888"] = 34, ["99999"] = 26, ["66666"] = 8 }, zips);
        Assert.Equal(81, await db.Services.CountAsync(s => !s.IsActive, Token));
        Assert.Equal(30, await db.Services.CountAsync(s => s.IsActive, Token));
        Assert.Equal(2 * 4999, await db.CaseEvents.CountAsync(Token));
        Assert.Equal(4999, await db.CaseEvents.CountAsync(
            e => e.Kind == CaseEventKind.Created && e.ActorLabel == "import:nyc311", Token));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_NycSample_MapsChannelsStatusesTimesAndSourceData(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);

        await ImportAsync(database, NycMapping, NycSample);

        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(
            new Dictionary<Channel, int>
            {
                [Channel.Web] = 2099, [Channel.Phone] = 1589, [Channel.Mobile] = 727, [Channel.Other] = 584,
            },
            await db.Cases.GroupBy(c => c.Channel).ToDictionaryAsync(g => g.Key, g => g.Count(), Token));
        Assert.Equal(
            new Dictionary<CaseStatus, int>
            {
                [CaseStatus.Closed] = 4419, [CaseStatus.InProgress] = 215,
                [CaseStatus.Open] = 361, [CaseStatus.OnHold] = 4,
            },
            await db.Cases.GroupBy(c => c.Status).ToDictionaryAsync(g => g.Key, g => g.Count(), Token));
        Case first = await db.Cases.SingleAsync(c => c.SourceKey == "56923577", Token);
        Assert.Equal(Instant.FromUtc(2023, 3, 1, 4, 45, 0), first.CreatedAt);
        Assert.Equal(Instant.FromUtc(2023, 1, 1, 6, 0, 0), first.ClosedAt);
        Assert.Equal(DataQualityFlags.ClosedBeforeCreated | DataQualityFlags.MisdecodedText, first.Quality);
        Assert.Equal("56923577", first.Reference);
        Assert.Equal("Controller", first.Answers.First("descriptor"));
        Assert.Contains("Transportationâ\u0080\u0099s website", first.StatusNote, StringComparison.Ordinal);
        Assert.Contains("\"Open Data Channel Type\":\"UNKNOWN\"", first.SourceData, StringComparison.Ordinal);
        Assert.Contains("\"Community Board\":\"04 MANHATTAN\"", first.SourceData, StringComparison.Ordinal);
        Assert.DoesNotContain("Unique Key", first.SourceData, StringComparison.Ordinal);
        List<CaseEvent> timeline =
            await db.CaseEvents.Where(e => e.CaseId == first.Id).OrderBy(e => e.Kind).ToListAsync(Token);
        Assert.Equal([CaseEventKind.Created, CaseEventKind.StatusChanged], timeline.Select(e => e.Kind));
        Assert.Equal(first.ClosedAt, timeline[1].At);
        Assert.Equal(CaseStatus.Closed, timeline[1].ToStatus);
        Assert.All(timeline, e => Assert.Equal(ActorKind.System, e.ActorKind));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_SameFileTwice_SecondRunInsertsNothingAndCountsAllAsPresent(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        ImportSummary first = await ImportAsync(database, NycMapping, NycSample);

        ImportSummary second = await ImportAsync(database, NycMapping, NycSample);

        Assert.Equal(4999, first.Inserted);
        Assert.Equal((4999, 0, 4999, 0), (second.RowsRead, second.Inserted, second.AlreadyPresent, second.Rejected));
        Assert.Empty(second.ServicesCreated);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(4999, await db.Cases.CountAsync(Token));
        Assert.Equal(2 * 4999, await db.CaseEvents.CountAsync(Token));
        List<ImportRun> runs = await db.ImportRuns.ToListAsync(Token);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.NotNull(r.FinishedAt));
        Assert.Contains(runs, r => r.Id == second.RunId && r.AlreadyPresent == 4999 && r.Inserted == 0);
        List<AuditEntry> audits = await db.AuditEntries.Where(a => a.Action == "import.completed").ToListAsync(Token);
        Assert.Equal([first.RunId, second.RunId], audits.OrderBy(a => a.At).Select(a => a.TargetId!.Value));
        string? detail = audits.Single(a => a.TargetId == second.RunId).Detail;
        Assert.Contains("\"alreadyPresent\":4999", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_LaSample_SeedsLosAngelesAndImportsEveryRow(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);

        ImportSummary summary = await ImportAsync(database, LaMapping, LaSample);

        Assert.Equal((10000, 10000, 0, 0, 13), Counts(summary));
        Assert.Equal(13, summary.Flags[DataQualityFlags.ClosedBeforeCreated]);
        Assert.Equal(13, summary.Flags.Values.Sum());
        Assert.Empty(summary.ServicesCreated);
        await using CivicDeskDbContext db = database.CreateContext();
        Jurisdiction la = await db.Jurisdictions.SingleAsync(j => j.Code == "la", Token);
        Assert.Equal(("lacity.org", "America/Los_Angeles", "US"), (la.Open311Id, la.TimeZoneId, la.CountryCode));
        Assert.Equal(12, await db.Services.CountAsync(s => s.JurisdictionId == la.Id && s.IsActive, Token));
        Assert.Equal(
            new Dictionary<Channel, int>
            {
                [Channel.Phone] = 4787, [Channel.Mobile] = 2242, [Channel.Web] = 1550,
                [Channel.Email] = 22, [Channel.Other] = 1399,
            },
            await db.Cases.GroupBy(c => c.Channel).ToDictionaryAsync(g => g.Key, g => g.Count(), Token));
        Assert.Equal(
            new Dictionary<CaseStatus, int>
            {
                [CaseStatus.Closed] = 9711, [CaseStatus.Cancelled] = 280, [CaseStatus.Referred] = 9,
            },
            await db.Cases.GroupBy(c => c.Status).ToDictionaryAsync(g => g.Key, g => g.Count(), Token));
        Case first = await db.Cases.SingleAsync(c => c.SourceKey == "1-870704814", Token);
        Assert.Equal(Instant.FromUtc(2018, 1, 1, 8, 0, 9), first.CreatedAt);
        Assert.Equal(Instant.FromUtc(2018, 1, 6, 18, 18, 29), first.ClosedAt);
        Service bulky = await db.Services.SingleAsync(s => s.Id == first.ServiceId, Token);
        Assert.Equal("bulky-items", bulky.Code);
    }

    [Fact]
    public async Task HandleAsync_FileWithoutAMappedColumn_NamesTheColumnAndImportsNothing()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        string file = TempFile(".csv");
        await File.WriteAllTextAsync(file, "Unique Key,Created Date\n1,02/28/2023 11:45:00 PM\n", Token);

        Result<ImportSummary> result =
            await TryImportAsync(database, new ImportCases(NycMapping, file, TempFile(".csv")));

        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(result.Error).Errors);
        Assert.Equal(("file", "missing-column"), (error.Field, error.Code));
        Assert.Contains("'Complaint Type'", error.Message, StringComparison.Ordinal);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(0, await db.ImportRuns.CountAsync(Token));
    }

    private static (long Read, long Inserted, long Present, long Rejected, long Flagged) Counts(ImportSummary s) =>
        (s.RowsRead, s.Inserted, s.AlreadyPresent, s.Rejected, s.Flagged);
}
