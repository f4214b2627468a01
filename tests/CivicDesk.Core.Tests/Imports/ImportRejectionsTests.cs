using System.Text.Json.Nodes;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CivicDesk.Core.Tests.Imports.ImportTestSupport;

namespace CivicDesk.Core.Tests.Imports;

public sealed class ImportRejectionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_SyntheticBadFile_ReportsRejectedRowsAndKeepsSuspectOnesFlagged(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        string file = await BadFile().WriteAsync();
        string report = TempFile(".csv");

        ImportSummary summary = await ImportAsync(database, NycMapping, file, report);

        Assert.Equal((16, 8, 1, 7), (summary.RowsRead, summary.Inserted, summary.AlreadyPresent, summary.Rejected));
        string[] lines = await File.ReadAllLinesAsync(report, Token);
        Assert.Equal("line_number,source_key,reason", lines[0]);
        Assert.Equal(
            ["3,", "4,9004", "11,9010", "12,9011", "14,", "15,9015", "18,"],
            lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
        Assert.Equal(
            ["missing-key", "unreadable-created-date", "missing-type", "unknown-status", "column-count",
                "value-too-long", "missing-key"],
            lines.Skip(1).Select(l => l.Split(',', 3)[2].Split(':')[0]));
        await using CivicDeskDbContext db = database.CreateContext();
        Dictionary<string, Case> cases = await db.Cases.ToDictionaryAsync(c => c.SourceKey!, Token);
        Assert.Equal(DataQualityFlags.None, cases["9001"].Quality);
        Assert.Equal(DataQualityFlags.AmbiguousLocalTime, cases["9005"].Quality);
        Assert.Equal(Instant.FromUtc(2023, 11, 5, 5, 30), cases["9005"].CreatedAt);
        Assert.Equal(
            "11/05/2023 01:30:00 AM", JsonNode.Parse(cases["9005"].SourceData!)!["Created Date"]!.GetValue<string>());
        Assert.Equal(DataQualityFlags.AmbiguousLocalTime, cases["9006"].Quality);
        Assert.Equal(Instant.FromUtc(2023, 3, 12, 7, 30), cases["9006"].CreatedAt);
        Assert.Equal(DataQualityFlags.UnreadableValue, cases["9007"].Quality);
        Assert.Null(cases["9007"].Latitude);
        Assert.Equal("40.7x", JsonNode.Parse(cases["9007"].SourceData!)!["Latitude"]!.GetValue<string>());
        Assert.Equal(DataQualityFlags.PlaceholderZip, cases["9008"].Quality);
        Assert.Equal("00000", cases["9008"].ZipCode);
        Assert.Equal(DataQualityFlags.MisdecodedText, cases["9009"].Quality);
        Assert.Equal("Itâ€™s done", cases["9009"].StatusNote);
        Assert.Equal(DataQualityFlags.OutsideJurisdiction, cases["9012"].Quality);
        Assert.Equal(34.05, cases["9012"].Latitude);
        Assert.Equal("Swept,\nand bagged", cases["9016"].StatusNote);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_KeyAlreadyAReferenceFromAnotherSource_RejectsTheRowWithTheReason(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        string file = await new SyntheticNycFile().Row("9001").Row("9002").WriteAsync();
        string archive = await ArchiveMappingAsync();
        await ImportAsync(database, NycMapping, file);
        string report = TempFile(".csv");

        ImportSummary summary = await ImportAsync(database, archive, file, report);

        Assert.Equal((2, 0, 0, 2), (summary.RowsRead, summary.Inserted, summary.AlreadyPresent, summary.Rejected));
        string[] lines = await File.ReadAllLinesAsync(report, Token);
        Assert.Equal(["2,9001", "3,9002"], lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
        Assert.All(lines.Skip(1), l => Assert.Contains("reference-in-use", l, StringComparison.Ordinal));
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(2, await db.Cases.CountAsync(Token));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_RejectedKeysThatLookLikeFormulas_AreWrittenToTheReportAsText(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        string file = await new SyntheticNycFile()
            .Row("=HYPERLINK(\"https://example.org\",\"x\")", r => r["Status"] = "Frozen")
            .Row("+1+2", r => r["Status"] = "Frozen")
            .Row("@SUM(A1)", r => r["Status"] = "Frozen")
            .WriteAsync();
        string report = TempFile(".csv");

        ImportSummary summary = await ImportAsync(database, NycMapping, file, report);

        Assert.Equal(3, summary.Rejected);
        string[] lines = await File.ReadAllLinesAsync(report, Token);
        Assert.Equal(
            ["2,\"'=HYPERLINK(\"\"https://example.org\"\",\"\"x\"\")\"", "3,'+1+2", "4,'@SUM(A1)"],
            lines.Skip(1).Select(l => l[..l.LastIndexOf(",unknown-status", StringComparison.Ordinal)]));
    }

    /// <summary>
    /// Rows: 2 good; 3 no key; 4 impossible date; 5 the good row's key again; 6 a time that occurs twice (clocks
    /// go back); 7 a time that never occurs (clocks go forward); 8 unreadable latitude; 9 placeholder ZIP;
    /// 10 mis-decoded text; 11 no type; 12 unknown status; 13 outside the city; 14 too few columns; 15 a ZIP longer
    /// than the model holds; 16–17 one row whose note spans two lines; 18 no key again (line numbers stay true).
    /// </summary>
    private static SyntheticNycFile BadFile() => new SyntheticNycFile()
        .Row("9001")
        .Row(string.Empty)
        .Row("9004", r => r["Created Date"] = "02/30/2023 10:00:00 AM")
        .Row("9001")
        .Row("9005", r => r["Created Date"] = "11/05/2023 01:30:00 AM")
        .Row("9006", r => r["Created Date"] = "03/12/2023 02:30:00 AM")
        .Row("9007", r => r["Latitude"] = "40.7x")
        .Row("9008", r => r["Incident Zip"] = "00000")
        .Row("9009", r => r["Resolution Description"] = "Itâ€™s done")
        .Row("9010", r => r["Complaint Type"] = string.Empty)
        .Row("9011", r => r["Status"] = "Frozen")
        .Row("9012", r => (r["Latitude"], r["Longitude"]) = ("34.05", "-118.24"))
        .Raw("9013,02/28/2023 10:00:00 AM,DSNY")
        .Row("9015", r => r["Incident Zip"] = new string('1', 21))
        .Row("9016", r => r["Resolution Description"] = "Swept,\nand bagged")
        .Row(string.Empty);

    private static async Task<string> ArchiveMappingAsync()
    {
        JsonNode mapping = JsonNode.Parse(await File.ReadAllTextAsync(NycMapping, Token))!;
        mapping["sourceSystem"] = "nyc311-archive";
        mapping["catalog"] = RepositoryPaths.Samples("catalog", "nyc.json");
        string path = TempFile(".json");
        await File.WriteAllTextAsync(path, mapping.ToJsonString(), Token);
        return path;
    }
}
