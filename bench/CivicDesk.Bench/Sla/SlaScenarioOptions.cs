using System.Globalization;
using CivicDesk.Bench.Import;
using CivicDesk.Core.Data;

namespace CivicDesk.Bench.Sla;

/// <summary>
/// Options of the SLA scenario: cases for the in-memory evaluation, open cases in each database, the providers,
/// the work folder for SQLite files and, for PostgreSQL, the server in <c>CIVICDESK_BENCH_POSTGRES</c>. With
/// <see cref="Snapshot"/> on PostgreSQL, the database as set up is kept as a template (<c>save</c>) or the set-up is
/// replaced by a copy of that template (<c>load</c>): a quicker loop while working on the recompute; the figures in
/// the docs come from runs without it.
/// </summary>
internal sealed record SlaScenarioOptions(
    int Cases,
    int DatabaseCases,
    IReadOnlyList<string> Providers,
    string WorkFolder,
    string? PostgresServer,
    string? Snapshot)
{
    public static SlaScenarioOptions Parse(string[] args)
    {
        int cases = 1_000_000;
        int databaseCases = 1_000_000;
        List<string> providers = [DatabaseProviders.Sqlite, DatabaseProviders.Postgres];
        string work = Path.Combine(Path.GetTempPath(), "civicdesk-bench");
        string? snapshot = null;
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
                case "--snapshot" when args[i + 1] is "save" or "load":
                    snapshot = args[i + 1];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        Directory.CreateDirectory(work);
        string? postgres = Environment.GetEnvironmentVariable(ImportScenarioOptions.PostgresVariable);
        return new SlaScenarioOptions(cases, databaseCases, providers, work, postgres, snapshot);
    }
}
