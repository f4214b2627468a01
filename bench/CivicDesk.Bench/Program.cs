using CivicDesk.Bench.Import;

// End-to-end benchmark scenarios; results and the commands that reproduce them are in docs/benchmarks.md.
TextWriter output = Console.Out;
if (args.Length == 0 || args[0] != "import")
{
    await output.WriteLineAsync(
        "usage: CivicDesk.Bench import [--rows N] [--rounds N] [--providers Sqlite,Postgres] [--work DIR]");
    await output.WriteLineAsync("PostgreSQL runs need CIVICDESK_BENCH_POSTGRES (a server connection string).");
    return 2;
}

ImportScenarioOptions options = ImportScenarioOptions.Parse(args[1..]);
return await new ImportScenario(options, output).RunAsync(CancellationToken.None);
