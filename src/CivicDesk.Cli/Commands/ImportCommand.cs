using System.CommandLine;
using System.Globalization;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.ImportCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Cli.Commands;

/// <summary><c>civicdesk import SOURCE FILE</c>: imports a source system's case history through its mapping.</summary>
internal static class ImportCommand
{
    private static readonly string[] Sources = ["nyc311", "la311"];

    public static Command Create(CliContext context)
    {
        Argument<string> source = new("source") { Description = "The source system: " + string.Join(" or ", Sources) };
        source.AcceptOnlyFromAmong(Sources);
        Argument<FileInfo> file = new("file") { Description = "The CSV export to import" };
        Option<FileInfo?> report = new("--report") { Description = "Where to list rejected rows (CSV)" };
        Option<FileInfo?> mapping = new("--mapping") { Description = "A mapping file other than the source's own" };
        Option<int> progress = new("--progress-every")
        {
            Description = "Report progress to the error output every N rows",
            DefaultValueFactory = _ => 100_000,
        };
        Option<bool> rowsOnly = new("--rows-only")
        {
            Description = "Write the rows only; schedule the open cases' SLA clocks later with --clocks-only",
        };
        Option<bool> clocksOnly = new("--clocks-only")
        {
            Description = "Do not read the file: schedule the SLA clocks of the source's open cases that have none",
        };
        Command command = new(
            "import",
            "Import case history from a 311 export, after migrating the database, then schedule the SLA clocks of "
                + "its open cases. Running it again adds nothing.")
        {
            source, file, report, mapping, progress, rowsOnly, clocksOnly,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(rowsOnly) && result.GetValue(clocksOnly))
            {
                result.AddError("--rows-only and --clocks-only are the two halves of one import: give one of them.");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string name = parsed.GetValue(source)!;
            ImportCases request = new(
                parsed.GetValue(mapping)?.FullName
                    ?? Path.Combine(AppContext.BaseDirectory, "samples", "imports", name + ".json"),
                parsed.GetValue(file)!.FullName,
                parsed.GetValue(report)?.FullName ?? DefaultReportPath(name),
                rows => context.Error.WriteLine($"{rows.ToString("N0", CultureInfo.InvariantCulture)} rows read…"),
                ProgressEvery: Math.Max(1, parsed.GetValue(progress)),
                Clocks: parsed.GetValue(rowsOnly) ? ImportPhases.RowsOnly
                    : parsed.GetValue(clocksOnly) ? ImportPhases.ClocksOnly
                    : ImportPhases.RowsAndClocks);
            return await RunAsync(context, parsed, request, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context,
        ParseResult parsed,
        ImportCases request,
        CancellationToken cancellationToken)
    {
        await using ServiceProvider services = CliContext.CreateServices(parsed);
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>().Database.MigrateAsync(cancellationToken);
        ImportCasesHandler handler = scope.ServiceProvider.GetRequiredService<ImportCasesHandler>();
        Result<ImportSummary> result = await handler.HandleAsync(request, cancellationToken);
        if (!result.TryGetValue(out ImportSummary? summary, out Error? error))
        {
            foreach (FieldError field in ((ValidationFailed)error).Errors)
            {
                await context.Error.WriteLineAsync($"error: {field.Field}: {field.Message}");
            }

            return 1;
        }

        await WriteSummaryAsync(context.Output, summary);
        return 0;
    }

    private static async Task WriteSummaryAsync(TextWriter output, ImportSummary summary)
    {
        static string Row(string label, long count) =>
            $"  {label,-22}{count.ToString("N0", CultureInfo.InvariantCulture),10}";

        await output.WriteLineAsync(
            $"Imported {summary.SourceSystem} into {summary.JurisdictionCode} (run {summary.RunId})");
        await output.WriteLineAsync(Row("rows read", summary.RowsRead));
        await output.WriteLineAsync(Row("inserted", summary.Inserted));
        await output.WriteLineAsync(Row("already present", summary.AlreadyPresent));
        await output.WriteLineAsync(Row("rejected", summary.Rejected));
        await output.WriteLineAsync(Row("flagged", summary.Flagged));
        foreach ((DataQualityFlags flag, long count) in summary.Flags)
        {
            await output.WriteLineAsync(Row("  " + flag, count));
        }

        await output.WriteLineAsync(Row("services created", summary.ServicesCreated.Count));
        await output.WriteLineAsync(Row("departments created", summary.DepartmentsCreated.Count));
        await output.WriteLineAsync(Row("open cases clocked", summary.Clocks.Cases));
        await output.WriteLineAsync(Row("clocks scheduled", summary.Clocks.Clocks));
        await output.WriteLineAsync(Row("timers scheduled", summary.Clocks.Timers));
        await output.WriteLineAsync($"Rejected rows are listed in {summary.ReportPath}");
    }

    private static string DefaultReportPath(string source)
    {
        string folder = Path.Combine(DataFolder.Resolve(), "imports");
        DataFolder.CreatePrivateFolder(folder);
        string stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return Path.Combine(folder, $"{source}-{stamp}-rejected.csv");
    }
}
