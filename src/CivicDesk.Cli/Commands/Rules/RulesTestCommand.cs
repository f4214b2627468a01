using System.CommandLine;
using System.Globalization;
using CivicDesk.Rules;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Golden;

namespace CivicDesk.Cli.Commands.Rules;

/// <summary>
/// <c>civicdesk rules test PATH</c>: runs the golden cases of a file, or of every *.golden.yaml in a folder.
/// </summary>
internal static class RulesTestCommand
{
    public static Command Create(CliContext context)
    {
        Argument<string> path = new("path") { Description = "A NAME.golden.yaml file or a folder of them" };
        Command command = new("test", "Run golden cases; print each failure with its trace.") { path };
        command.SetAction((parsed, cancellationToken) =>
            RulesCommand.GuardAsync(context, () => RunAsync(context, parsed.GetValue(path)!)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string path)
    {
        string[] files = Directory.Exists(path)
            ? [.. Directory.GetFiles(path, "*.golden.yaml").Order(StringComparer.Ordinal)]
            : [path];
        int passed = 0;
        int failed = 0;
        foreach (string file in files)
        {
            GoldenFile golden = RuleFiles.ReadGolden(file);
            string folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            RuleSet rules = RuleFiles.Load(Path.Combine(folder, golden.Rules));
            await context.Output.WriteLineAsync($"{Path.GetFileName(file)} ({rules.Id} {rules.Version})");
            foreach (GoldenCase golden1 in golden.Cases)
            {
                GoldenOutcome outcome = GoldenRunner.RunCase(rules, golden, golden1);
                await WriteOutcomeAsync(context.Output, outcome);
                (passed, failed) = outcome.Passed ? (passed + 1, failed) : (passed, failed + 1);
            }
        }

        string summary = string.Create(CultureInfo.InvariantCulture, $"{passed} cases passed, {failed} failed");
        await context.Output.WriteLineAsync(summary);
        return failed == 0 ? 0 : 1;
    }

    private static async Task WriteOutcomeAsync(TextWriter output, GoldenOutcome outcome)
    {
        await output.WriteLineAsync($"  {(outcome.Passed ? "ok  " : "FAIL")} {outcome.Name}");
        if (outcome.Passed)
        {
            return;
        }

        foreach (string problem in outcome.Problems)
        {
            await output.WriteLineAsync("       " + problem.Replace("\n", "\n       ", StringComparison.Ordinal));
        }

        if (outcome.Result?.Trace is { } trace)
        {
            await output.WriteLineAsync("       trace:");
            foreach (TraceEntry entry in trace.Entries.Where(e => e.Status != TraceStatus.NotEvaluated))
            {
                await output.WriteLineAsync($"         {entry}");
            }
        }
    }
}
