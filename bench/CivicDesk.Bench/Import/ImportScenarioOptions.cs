using System.Globalization;
using CivicDesk.Core.Data;

namespace CivicDesk.Bench.Import;

/// <summary>The import scenario's settings, from its command line and the environment.</summary>
internal sealed record ImportScenarioOptions(
    int Rows,
    int Rounds,
    IReadOnlyList<string> Providers,
    string WorkFolder,
    string? PostgresServer)
{
    public const string PostgresVariable = "CIVICDESK_BENCH_POSTGRES";

    public static ImportScenarioOptions Parse(string[] args)
    {
        int rows = 1_000_000;
        int rounds = 1;
        List<string> providers = [DatabaseProviders.Sqlite, DatabaseProviders.Postgres];
        string work = Path.Combine(Path.GetTempPath(), "civicdesk-bench");
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rows":
                    rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--rounds":
                    rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--providers":
                    providers = [.. args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries)];
                    break;
                case "--work":
                    work = Path.GetFullPath(args[i + 1]);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.", nameof(args));
            }
        }

        string? postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        return new ImportScenarioOptions(rows, rounds, providers, work, postgres);
    }
}
