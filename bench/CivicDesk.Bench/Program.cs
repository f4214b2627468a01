using CivicDesk.Bench.Deadlines;
using CivicDesk.Bench.Import;
using CivicDesk.Bench.Intake;
using CivicDesk.Bench.Rules;
using CivicDesk.Bench.Sla;

// End-to-end benchmark scenarios; results and the commands that reproduce them are in docs/benchmarks.md.
TextWriter output = Console.Out;
switch (args.FirstOrDefault())
{
    case "import":
        return await new ImportScenario(ImportScenarioOptions.Parse(args[1..]), output)
            .RunAsync(CancellationToken.None);
    case "deadlines":
        return await new DeadlineScenario(DeadlineScenarioOptions.Parse(args[1..]), output)
            .RunAsync(CancellationToken.None);
    case "intake":
        return await new IntakeScenario(IntakeScenarioOptions.Parse(args[1..]), output)
            .RunAsync(CancellationToken.None);
    case "sla":
        return await new SlaScenario(SlaScenarioOptions.Parse(args[1..]), output)
            .RunAsync(CancellationToken.None);
    case "rules":
        return new RulesScenario(RulesScenarioOptions.Parse(args[1..]), output).Run();
    default:
        await output.WriteLineAsync(
            "usage: CivicDesk.Bench import [--rows N] [--rounds N] [--providers Sqlite,Postgres] [--work DIR]");
        await output.WriteLineAsync(
            "       CivicDesk.Bench intake [--seconds N] [--warmup N] [--concurrency N] [--providers …] [--web DLL]");
        await output.WriteLineAsync("       CivicDesk.Bench deadlines [--cases N] [--rounds N]");
        await output.WriteLineAsync(
            "       CivicDesk.Bench sla [--cases N] [--db-cases N] [--providers Sqlite,Postgres] [--work DIR]"
            + " [--snapshot save|load]");
        await output.WriteLineAsync("       CivicDesk.Bench rules [--applications N] [--distinct N] [--rules FILE]");
        await output.WriteLineAsync("PostgreSQL runs need CIVICDESK_BENCH_POSTGRES (a server connection string).");
        return 2;
}
