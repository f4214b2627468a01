using System.Diagnostics;
using System.Globalization;
using CivicDesk.Bench.Import;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.Photos;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Cases.SubmitRequest;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Core.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CivicDesk.Bench.Intake;

/// <summary>
/// Open311 <c>POST requests</c> per second through the real web host on loopback, against the raw rate of
/// single-row inserts each committed on its own, measured in the same run on the same machine and database.
/// </summary>
internal sealed class IntakeScenario(IntakeScenarioOptions options, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(options.WebAssembly))
        {
            await output.WriteLineAsync($"Build the web host first (dotnet build -c Release): {options.WebAssembly}");
            return 2;
        }

        Directory.CreateDirectory(options.WorkFolder);
        await output.WriteLineAsync(
            $"intake: {options.Concurrency} clients, {options.Warmup.TotalSeconds:F0} s warm-up, "
            + $"{options.Duration.TotalSeconds:F0} s measured, {Environment.ProcessorCount} cores");
        await output.WriteLineAsync(
            "| database | baseline commits/s | baseline p50 / p99 ms | baseline failed | intake requests/s "
            + "| intake p50 / p99 ms | intake failed | intake / baseline | host CPU s | load CPU s "
            + "| machine CPU ms per commit / per request |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (string provider in options.Providers)
        {
            (LoadResult baseline, TimeSpan baselineBusy) = await RunBaselineAsync(provider, cancellationToken);
            double baselineCpu = PerOperationMs(baselineBusy, baseline);
            (LoadResult intake, TimeSpan host, TimeSpan load, TimeSpan intakeBusy) =
                await RunIntakeAsync(provider, cancellationToken);
            double intakeCpu = PerOperationMs(intakeBusy, intake);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {provider} | {baseline.PerSecond:F0} | {baseline.P50Ms:F1} / {baseline.P99Ms:F1} "
                + $"| {baseline.Failed} | {intake.PerSecond:F0} | {intake.P50Ms:F1} / {intake.P99Ms:F1} "
                + $"| {intake.Failed} "
                + $"| {intake.PerSecond / baseline.PerSecond:F2} | {host.TotalSeconds:F1} | {load.TotalSeconds:F1} "
                + $"| {baselineCpu:F2} / {intakeCpu:F2} |"));
            foreach (string failure in new[] { baseline.FirstFailure, intake.FirstFailure }.OfType<string>())
            {
                await output.WriteLineAsync($"  first failure: {failure}");
            }
        }

        return 0;
    }

    /// <summary>
    /// Machine processor time per operation over the warm-up and the measured time, counting the warm-up's
    /// operations at the measured rate.
    /// </summary>
    private double PerOperationMs(TimeSpan busy, LoadResult result)
    {
        double operations = result.PerSecond * (options.Warmup + options.Duration).TotalSeconds;
        return operations > 0 ? busy.TotalMilliseconds / operations : 0;
    }

    private async Task<(LoadResult Result, TimeSpan MachineBusy)> RunBaselineAsync(
        string provider,
        CancellationToken cancellationToken)
    {
        BenchDatabase database = await PrepareAsync(provider, "intake_baseline", cancellationToken);
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            await SubmitTemplateAsync(db, cancellationToken);
        }

        await using RawCommitBaseline baseline = await RawCommitBaseline.OpenAsync(
            provider, database.ConnectionString, options.Concurrency, cancellationToken);
        TimeSpan machineBefore = MachineCpu.Busy();
        LoadResult result = await TimedWorkers.RunAsync(
            options.Concurrency,
            options.Warmup,
            options.Duration,
            (worker, sequence, token) => baseline.InsertAsync(worker, sequence, token),
            cancellationToken);
        return (result, MachineCpu.Busy() - machineBefore);
    }

    private async Task<(LoadResult Result, TimeSpan Host, TimeSpan Load, TimeSpan MachineBusy)> RunIntakeAsync(
        string provider,
        CancellationToken cancellationToken)
    {
        BenchDatabase database = await PrepareAsync(provider, "intake_api", cancellationToken);
        string key;
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            IssueApiKeyHandler issue = new(db, TimeProvider.System, NullLogger<IssueApiKeyHandler>.Instance);
            Result<IssuedApiKey> issued = await issue.HandleAsync(
                new IssueApiKey("nyc", "intake benchmark", Actor.System), cancellationToken);
            key = issued.Value.Key;
        }

        string dataFolder = Path.Combine(options.WorkFolder, "web-" + provider.ToLowerInvariant());
        await using WebServerProcess server = await WebServerProcess.StartAsync(
            options.WebAssembly, provider, database.ConnectionString, dataFolder, cancellationToken);
        using HttpClient client = Open311Load.CreateClient(server.Address, options.Concurrency);
        Open311Load load = new(client, key);
        TimeSpan hostBefore = server.ProcessorTime();
        TimeSpan loadBefore = Process.GetCurrentProcess().TotalProcessorTime;
        TimeSpan machineBefore = MachineCpu.Busy();
        LoadResult result = await TimedWorkers.RunAsync(
            options.Concurrency,
            options.Warmup,
            options.Duration,
            (_, sequence, token) => load.PostAsync(sequence, token),
            cancellationToken);
        return (result, server.ProcessorTime() - hostBefore,
            Process.GetCurrentProcess().TotalProcessorTime - loadBefore, MachineCpu.Busy() - machineBefore);
    }

    private async Task<BenchDatabase> PrepareAsync(string provider, string name, CancellationToken cancellationToken)
    {
        BenchDatabase database = await BenchDatabase.CreateAsync(
            provider, name, options.WorkFolder, options.PostgresServer, cancellationToken);
        await using CivicDeskDbContext db = database.CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        SeedCatalogHandler seed = new(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance);
        string catalog = Path.Combine(AppContext.BaseDirectory, "samples", "catalog", "nyc.json");
        await seed.HandleAsync(catalog, cancellationToken);
        return database;
    }

    /// <summary>Writes one case through the intake use case, so the baseline copies a real row.</summary>
    private async Task SubmitTemplateAsync(CivicDeskDbContext db, CancellationToken cancellationToken)
    {
        Guid jurisdiction = await db.Jurisdictions.Select(j => j.Id).SingleAsync(cancellationToken);
        CatalogCache catalog = new(TimeProvider.System);
        SubmitRequestHandler submit = new(
            db,
            new LocalFileStore(Path.Combine(options.WorkFolder, "files")),
            catalog,
            new CaseTypeResolver(db, catalog),
            new CaseRouter(
                db,
                catalog,
                new RoutingPolicies(Options.Create(new RoutingOptions()), NullLogger<RoutingPolicies>.Instance),
                new PinnedCaseTypes(db, new CaseTypeCache(), NullLogger<PinnedCaseTypes>.Instance)),
            new SlaTimerScheduler(
                db, new DefaultSlaPolicy(db, catalog, Options.Create(new SlaOptions())), TimeProvider.System),
            TimeProvider.System,
            NullLogger<SubmitRequestHandler>.Instance);
        SubmitRequest request = new(
            jurisdiction,
            "heat-hot-water",
            new Dictionary<string, IReadOnlyList<string>> { ["descriptor"] = ["ENTIRE BUILDING"] },
            40.7128,
            -74.0060,
            null,
            null,
            null,
            "Benchmark request: no heat since this morning.",
            ResidentContact.None,
            Channel.Api,
            null,
            Array.Empty<UploadedPhoto>(),
            Actor.System);
        Result<SubmitRequestReceipt> receipt = await submit.HandleAsync(request, cancellationToken);
        if (!receipt.IsSuccess)
        {
            throw new InvalidOperationException($"The template case was refused: {receipt.Error}");
        }
    }
}
