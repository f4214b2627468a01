using System.Globalization;
using CivicDesk.Bench.Import;
using CivicDesk.Core.Data;

namespace CivicDesk.Bench.Sla;

/// <summary>
/// Options of the SLA scenario: cases for the in-memory evaluation, open cases in each database, the providers,
/// the work folder for SQLite files and, for PostgreSQL, the server in <c>CIVICDESK_BENCH_POSTGRES</c>.
/// </summary>
internal sealed record SlaScenarioOptions(
    int Cases,
    int DatabaseCases,
    IReadOnlyList<string> Providers,
    string WorkFolder,
    string? PostgresServer)
{
    public static SlaScenarioOptions Parse(string[] args)
    {
        int cases = 1_000_000;
        int databaseCases = 1_000_000;
        List<string> providers = [DatabaseProviders.Sqlite, DatabaseProviders.Postgres];
        string work = Path.Combine(Path.GetTempPath(), "civicdesk-bench");
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--cases":
                    cases = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--db-cases":
                    databaseCases = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--providers":
                    providers = [.. args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries)];
                    break;
                case "--work":
                    work = Path.GetFullPath(args[i + 1]);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        Directory.CreateDirectory(work);
        string? postgres = Environment.GetEnvironmentVariable(ImportScenarioOptions.PostgresVariable);
        return new SlaScenarioOptions(cases, databaseCases, providers, work, postgres);
    }
}
