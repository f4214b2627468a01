using System.Diagnostics;
using CivicDesk.Workflow.Calendars;
using NodaTime;

namespace CivicDesk.Bench.Deadlines;

/// <summary>
/// Deadline computation for many cases over a calendar with breaks and a year of holidays: the calendar's
/// <c>AddBusinessTime</c> against a hand-written interval table, in the same run, with every answer compared.
/// Each round builds a fresh calendar, so its per-date memo starts cold.
/// </summary>
internal sealed class DeadlineScenario(DeadlineScenarioOptions options, TextWriter output)
{
    private static readonly int[] TargetHours = [2, 4, 8, 24, 40, 80];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        (long[] starts, long[] amounts) = MakeCases(options.Cases);
        await output.WriteLineAsync(
            $"deadlines: {options.Cases:N0} cases opened during 2026, targets of 2 to 80 business hours, "
            + $"{Environment.ProcessorCount} cores");
        await output.WriteLineAsync(
            "| round | calendar ms | calendar ns/case | table build ms | table ns/case | calendar / table | differ |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|");
        int differ = 0;
        for (int round = 1; round <= options.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            differ += await RunRoundAsync(round, starts, amounts);
        }

        return differ == 0 ? 0 : 1;
    }

    private async Task<int> RunRoundAsync(int round, long[] starts, long[] amounts)
    {
        long[] byCalendar = new long[starts.Length];
        long[] byTable = new long[starts.Length];
        BusinessCalendar calendar = BenchCalendar.Create();
        Stopwatch clock = Stopwatch.StartNew();
        for (int i = 0; i < starts.Length; i++)
        {
            Instant due = calendar.AddBusinessTime(
                Instant.FromUnixTimeTicks(starts[i]), Duration.FromTicks(amounts[i]));
            byCalendar[i] = due.ToUnixTimeTicks();
        }

        TimeSpan calendarTime = clock.Elapsed;
        clock.Restart();
        IntervalTableBaseline table = new(
            BenchCalendar.Create(), new LocalDate(2025, 12, 1), new LocalDate(2027, 6, 30));
        TimeSpan buildTime = clock.Elapsed;
        clock.Restart();
        for (int i = 0; i < starts.Length; i++)
        {
            byTable[i] = table.AddBusinessTicks(starts[i], amounts[i]);
        }

        TimeSpan tableTime = clock.Elapsed;
        int differ = byCalendar.Where((ticks, i) => ticks != byTable[i]).Count();
        await output.WriteLineAsync(
            $"| {round} | {calendarTime.TotalMilliseconds:F0} | {PerCase(calendarTime, starts.Length):F0} "
            + $"| {buildTime.TotalMilliseconds:F1} | {PerCase(tableTime, starts.Length):F0} "
            + $"| {calendarTime / tableTime:F1}× | {differ} |");
        return differ;
    }

    private static double PerCase(TimeSpan elapsed, int cases) => elapsed.TotalNanoseconds / cases;

    // Synthetic cases from a fixed seed: openings spread over 2026 to the second, targets in whole minutes.
    private static (long[] Starts, long[] Amounts) MakeCases(int count)
    {
        Random random = new(20261204);
        long yearStart = Instant.FromUtc(2026, 1, 1, 5, 0).ToUnixTimeTicks();
        long[] starts = new long[count];
        long[] amounts = new long[count];
        for (int i = 0; i < count; i++)
        {
            starts[i] = yearStart + (random.NextInt64(365L * 24 * 3600) * NodaConstants.TicksPerSecond);
            long minutes = (TargetHours[random.Next(TargetHours.Length)] * 60L) + random.Next(60);
            amounts[i] = minutes * NodaConstants.TicksPerMinute;
        }

        return (starts, amounts);
    }
}
