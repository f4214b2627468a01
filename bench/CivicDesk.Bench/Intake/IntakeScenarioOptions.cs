using System.Globalization;
using CivicDesk.Core.Data;

namespace CivicDesk.Bench.Intake;

/// <summary>Options of the intake scenario: how long, how many concurrent clients, which databases.</summary>
internal sealed record IntakeScenarioOptions(
    TimeSpan Duration,
    TimeSpan Warmup,
    int Concurrency,
    IReadOnlyList<string> Providers,
    string WorkFolder,
    string WebAssembly,
    string? PostgresServer)
{
    public const string PostgresVariable = "CIVICDESK_BENCH_POSTGRES";

    public static IntakeScenarioOptions Parse(string[] args)
    {
        Dictionary<string, string> named = [];
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            named[args[i].TrimStart('-')] = args[i + 1];
        }

        string root = FindRepositoryRoot();
        return new IntakeScenarioOptions(
            TimeSpan.FromSeconds(Number(named, "seconds", 20)),
            TimeSpan.FromSeconds(Number(named, "warmup", 5)),
            Number(named, "concurrency", 16),
            named.GetValueOrDefault("providers", $"{DatabaseProviders.Sqlite},{DatabaseProviders.Postgres}")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Path.GetFullPath(named.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "civicdesk-bench"))),
            named.GetValueOrDefault("web", DefaultWebAssembly(root)),
            Environment.GetEnvironmentVariable(PostgresVariable));
    }

    private static int Number(Dictionary<string, string> named, string key, int fallback) =>
        named.TryGetValue(key, out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The web host built in the same configuration as this benchmark (Release, normally).</summary>
    private static string DefaultWebAssembly(string root)
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        return Path.Combine(root, "src", "CivicDesk.Web", "bin", configuration, "net10.0", "CivicDesk.Web.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CivicDesk.slnx")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
