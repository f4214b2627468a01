using System.Diagnostics;
using System.Globalization;
using CivicDesk.Rules;
using CivicDesk.Rules.Compilation;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Bench.Rules;

/// <summary>
/// Evaluates the ERA rule set for generated applications: compiled without and with trace, against the same
/// test written by hand in C#, in one run; and times loading and compiling the rule set with every county's
/// limits. Applications are generated once (a pool of distinct ones, cycled, the same order for every way) so that
/// generation is not timed; each way is warmed up before any is timed, and the order of the ways turns each round.
/// </summary>
internal sealed class RulesScenario(RulesScenarioOptions options, TextWriter output)
{
    private static readonly LocalDate AsOf = new(2025, 6, 2);

    public int Run()
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(options.RulesFile))!;
        Dictionary<string, string> files = Directory.GetFiles(folder, "*.rules")
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        (RuleSet rules, CompiledRuleSet compiled) = TimeLoading(Path.GetFileName(options.RulesFile), files);
        HandWrittenEra handWritten = new(Path.Combine(folder, "era-hud-income-limits.rules"));

        Random random = new(20261204);
        IReadOnlyList<string> counties = handWritten.Counties;
        EraApplication[] applications = [.. Enumerable.Range(0, options.Distinct)
            .Select(_ => EraApplication.Generate(random, counties, AsOf))];
        RuleInputs[] inputs = [.. applications.Select(a => a.ToInputs(rules))];
        int mismatches = Compare(handWritten, compiled, applications, inputs);
        Write($"applications: {options.Applications:N0} evaluations over {options.Distinct:N0} distinct");
        Write($"hand-written and compiled disagree on {mismatches:N0}");
        double plainBytes = Allocated(i => compiled.Evaluate(inputs[i], AsOf).Outputs.Length);
        double tracedBytes = Allocated(i => compiled.Evaluate(inputs[i], AsOf, trace: true).Outputs.Length);
        Write($"allocated per evaluation (bytes): compiled {plainBytes:F0}, compiled with trace {tracedBytes:F0}");

        Func<int, bool>[] ways =
        [
            i => handWritten.Decide(applications[i], AsOf).Eligible,
            i => compiled.Evaluate(inputs[i], AsOf).Outputs[0].Value is BooleanValue { Value: true },
            i => compiled.Evaluate(inputs[i], AsOf, trace: true).Trace is not null,
        ];
        foreach (Func<int, bool> way in ways)
        {
            WarmUp(way);
        }

        for (int round = 1; round <= 3; round++)
        {
            // Each round starts with another of the three, so that none always runs first (or after the same one).
            double[] nanoseconds = new double[ways.Length];
            for (int k = 0; k < ways.Length; k++)
            {
                int way = (round - 1 + k) % ways.Length;
                nanoseconds[way] = Time(ways[way]);
            }

            (double hand, double fast, double traced) = (nanoseconds[0], nanoseconds[1], nanoseconds[2]);
            Write($"round {round} (ns each): hand-written {hand:F0}, compiled {fast:F0} ({fast / hand:F1}x)");
            Write($"round {round} (ns each): compiled with trace {traced:F0} ({traced / hand:F1}x)");
        }

        return mismatches == 0 ? 0 : 1;
    }

    private (RuleSet Rules, CompiledRuleSet Compiled) TimeLoading(string main, Dictionary<string, string> files)
    {
        Stopwatch first = Stopwatch.StartNew();
        RuleSet rules = RuleSetLoader.Load(main, files.GetValueOrDefault);
        CompiledRuleSet compiled = rules.Compile();
        Write($"load + check + compile, first in process: {first.Elapsed.TotalMilliseconds:F0} ms");
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            RuleSetLoader.Load(main, files.GetValueOrDefault).Compile();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        Write($"load + check + compile, best of 3 after: {best:F0} ms");
        return (rules, compiled);
    }

    private static int Compare(HandWrittenEra handWritten, CompiledRuleSet compiled, EraApplication[] applications,
        RuleInputs[] inputs)
    {
        int mismatches = 0;
        for (int i = 0; i < applications.Length; i++)
        {
            (bool eligible, bool prioritised, string[] reasons) = handWritten.Decide(applications[i], AsOf);
            EvaluationResult result = compiled.Evaluate(inputs[i], AsOf);
            ListValue expected = new([.. reasons.Select(reason => (Value)Value.Of(reason))]);
            mismatches += result["eligible"].Equals(Value.Of(eligible))
                && result["prioritised"].Equals(Value.Of(prioritised))
                && result["priority_reasons"].Equals(expected) ? 0 : 1;
        }

        return mismatches;
    }

    /// <summary>Bytes allocated per evaluation on this thread (independent of machine load, unlike times).</summary>
    private double Allocated(Func<int, int> evaluate)
    {
        int count = Math.Min(options.Distinct, 10_000);
        int outputs = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            outputs += evaluate(i);
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        return outputs >= 0 ? (double)bytes / count : 0;
    }

    /// <summary>
    /// Runs one way for half a second before any is timed, long enough for tiered compilation (with its dynamic
    /// profile) to have replaced the first code of every method on the path.
    /// </summary>
    private void WarmUp(Func<int, bool> evaluate)
    {
        int yes = 0;
        Stopwatch watch = Stopwatch.StartNew();
        for (int i = 0; watch.ElapsedMilliseconds < 500; i++)
        {
            yes += evaluate(i % options.Distinct) ? 1 : 0;
        }

        Thread.Sleep(yes >= 0 ? 100 : 0);
    }

    /// <summary>
    /// Nanoseconds per evaluation over the run's applications, after a full collection so that one way's garbage
    /// is not collected on another's time.
    /// </summary>
    private double Time(Func<int, bool> evaluate)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        int yes = 0;
        Stopwatch watch = Stopwatch.StartNew();
        for (int i = 0; i < options.Applications; i++)
        {
            yes += evaluate(i % options.Distinct) ? 1 : 0;
        }

        double nanoseconds = watch.Elapsed.TotalNanoseconds / options.Applications;
        return yes >= 0 ? nanoseconds : 0;
    }

    private void Write(FormattableString line) => output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
