using System.Diagnostics;
using System.Globalization;
using CivicDesk.Core.Data;

namespace CivicDesk.Bench.Import;

/// <summary>
/// Import benchmark: the NYC sample replicated to the rows asked for (fresh keys), imported end to end by
/// <c>civicdesk import nyc311 --rows-only</c> in a child process (rows per second, peak memory), against the raw
/// baseline of the same rows written straight to <c>cases</c> in the same run; then the import's second phase,
/// <c>--clocks-only</c> (the SLA clocks of the imported open cases), timed on its own: the baseline writes no clocks.
/// </summary>
internal sealed class ImportScenario(ImportScenarioOptions options, TextWriter output)
{
    private static readonly string Root = AppContext.BaseDirectory;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.WorkFolder);
        string sample = Path.Combine(Root, "samples", "nyc311", "nyc311_2023_sample_5k.csv");
        string file = Path.Combine(options.WorkFolder, $"nyc311-x{options.Rows}.csv");
        long rows = await ReplicatedFile.WriteAsync(sample, file, options.Rows, cancellationToken);
        await output.WriteLineAsync($"# {rows:N0} rows in {file} ({new FileInfo(file).Length / 1e6:N0} MB)");
        await output.WriteLineAsync(
            "| database | round | importer rows/s | importer time | importer CPU | importer peak memory "
            + "| baseline rows/s | baseline time | importer / baseline | baseline with events rows/s "
            + "| importer / baseline with events | then clocks: time | clocks peak memory |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int round = 1; round <= options.Rounds; round++)
        {
            foreach (string provider in options.Providers)
            {
                await MeasureAsync(provider, round, sample, file, rows, cancellationToken);
            }
        }

        return 0;
    }

    private async Task MeasureAsync(
        string provider,
        int round,
        string sample,
        string file,
        long rows,
        CancellationToken cancellationToken)
    {
        string prefix = "civicdesk_bench_" + provider.ToLowerInvariant();
        BenchDatabase target =
            await BenchDatabase.CreateAsync(
                provider, prefix + "_import", options.WorkFolder, options.PostgresServer, cancellationToken);
        await RunCliAsync(target, ["migrate"], echo: false, cancellationToken);
        MeasuredProcess.Measure import = await RunCliAsync(target,
            ["import", "nyc311", file, "--rows-only",
                "--report", Path.Combine(options.WorkFolder, $"{provider}-rejected.csv")],
            echo: round == 1, cancellationToken);
        MeasuredProcess.Measure clocks = await RunCliAsync(
            target, ["import", "nyc311", file, "--clocks-only"], echo: round == 1, cancellationToken);
        await output.FlushAsync(cancellationToken);

        TimeSpan raw =
            await BaselineAsync(provider, prefix + "_baseline", sample, (int)rows, false, cancellationToken);
        TimeSpan withEvents =
            await BaselineAsync(provider, prefix + "_events", sample, (int)rows, true, cancellationToken);

        double importRate = rows / import.Elapsed.TotalSeconds;
        double rawRate = rows / raw.TotalSeconds;
        double eventsRate = rows / withEvents.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {round} | {importRate:N0} | {import.Elapsed.TotalSeconds:N1} s "
            + $"| {import.Processor.TotalSeconds:N1} s | {import.PeakBytes / 1048576.0:N0} MiB | {rawRate:N0} "
            + $"| {raw.TotalSeconds:N1} s | {importRate / rawRate:N2} | {eventsRate:N0} "
            + $"| {importRate / eventsRate:N2} | {clocks.Elapsed.TotalSeconds:N1} s "
            + $"| {clocks.PeakBytes / 1048576.0:N0} MiB |"));
    }

    /// <summary>A fresh database holding the sample as the importer wrote it, then the timed raw insert.</summary>
    private async Task<TimeSpan> BaselineAsync(
        string provider,
        string name,
        string sample,
        int rows,
        bool events,
        CancellationToken cancellationToken)
    {
        BenchDatabase baseline = await BenchDatabase.CreateAsync(
            provider, name, options.WorkFolder, options.PostgresServer, cancellationToken);
        string mapping = Path.Combine(Root, "samples", "imports", "nyc311.json");
        string sampleReport = Path.Combine(options.WorkFolder, "sample-rejected.csv");
        await baseline.PrepareWithSampleAsync(mapping, sample, sampleReport, cancellationToken);
        List<object[]> templates = await CaseTemplates.LoadAsync(baseline, cancellationToken);
        return provider == DatabaseProviders.Postgres
            ? await RawBaselines.PostgresAsync(baseline.ConnectionString, templates, rows, events, cancellationToken)
            : await RawBaselines.SqliteAsync(baseline.ConnectionString, templates, rows, events, cancellationToken);
    }

    private async Task<MeasuredProcess.Measure> RunCliAsync(
        BenchDatabase database,
        string[] command,
        bool echo,
        CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            Path.Combine(Root, "civicdesk.dll"),
            "--database", database.Provider,
            "--connection", database.ConnectionString,
            .. command,
        ];
        MeasuredProcess.Measure measure = await MeasuredProcess.RunAsync("dotnet", arguments, cancellationToken);
        if (measure.ExitCode != 0)
        {
            throw new InvalidOperationException($"civicdesk {command[0]} failed: {measure.Error}");
        }

        if (echo)
        {
            string indented = string.Join('\n', measure.Output.Split('\n').Select(l => "    " + l));
            await output.WriteLineAsync(indented.TrimEnd());
        }

        return measure;
    }
}
