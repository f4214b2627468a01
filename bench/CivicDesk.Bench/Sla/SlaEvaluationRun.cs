using System.Diagnostics;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.CaseTypes;
using CivicDesk.Workflow.Sla;
using NodaTime;

namespace CivicDesk.Bench.Sla;

/// <summary>
/// Part 1, in memory: every clock of the NYC 311 case type evaluated for many cases on the NYC calendar (its
/// holidays, plus a 12:00-13:00 break on every day so the calendar has breaks), as the scheduler does.
/// A third of the cases went on hold for a while, so their clocks replay a pause.
/// </summary>
internal static class SlaEvaluationRun
{
    private static readonly string[] Services =
        ["graffiti", "heat-hot-water", "water-leak", "plumbing", "rodent", "consumer-complaint", "noise-vehicle"];

    public static async Task RunAsync(int count, TextWriter output)
    {
        CaseType caseType = CaseTypeFiles.Read(SlaScenario.Sample("case-types", "nyc-311.yaml")).CaseType
            ?? throw new InvalidOperationException("The NYC 311 case type does not load.");
        BusinessCalendar calendar = WithBreaks(SlaScenario.Sample("calendars", "nyc.yaml"));
        SlaClockDefinition[][] clocks =
            [.. Services.Select(s => CaseTypeOperations.SlaClockDefinitions(caseType, s).Select(c => c.Definition)
                .ToArray())];
        Instant now = Instant.FromUtc(2026, 12, 31, 12, 0);
        (int[] services, CaseHistoryEvent[][] histories) = MakeCases(count);

        Stopwatch clock = Stopwatch.StartNew();
        long checksum = 0;
        for (int i = 0; i < count; i++)
        {
            foreach (SlaClockDefinition definition in clocks[services[i]])
            {
                SlaClockStatus status = SlaClock.Evaluate(definition, calendar, histories[i], now);
                checksum += status.Deadline?.ToUnixTimeTicks() ?? 0;
            }
        }

        TimeSpan elapsed = clock.Elapsed;
        await output.WriteLineAsync(
            $"| in memory | {count:N0} cases | {elapsed.TotalMilliseconds:F0} ms "
            + $"| {elapsed.TotalNanoseconds / count:F0} ns/case (all clocks) | checksum {checksum % 1_000_000} |");
    }

    private static BusinessCalendar WithBreaks(string path)
    {
        CalendarDefinition definition = CalendarLoader.Load(
                "nyc.yaml", File.ReadAllText(path), DateTimeZoneProviders.Tzdb).Definition
            ?? throw new InvalidOperationException("The NYC calendar does not load.");
        TimeRange lunch = new(new LocalTime(12, 0), new LocalTime(13, 0));
        CalendarDefinition withBreaks = definition with
        {
            WeeklyHours = [.. definition.WeeklyHours.Select(d => d with { Breaks = [lunch] })],
        };
        return BusinessCalendar.Create(withBreaks, DateTimeZoneProviders.Tzdb).Calendar
            ?? throw new InvalidOperationException("The NYC calendar with breaks does not build.");
    }

    // Fixed seed: openings spread over 2026 to the second; every third case on hold for up to three days.
    private static (int[] Services, CaseHistoryEvent[][] Histories) MakeCases(int count)
    {
        Random random = new(20261205);
        Instant yearStart = Instant.FromUtc(2026, 1, 1, 5, 0);
        int[] services = new int[count];
        CaseHistoryEvent[][] histories = new CaseHistoryEvent[count][];
        for (int i = 0; i < count; i++)
        {
            services[i] = random.Next(Services.Length);
            Instant opened = yearStart + Duration.FromSeconds(random.NextInt64(360L * 24 * 3600));
            if (i % 3 != 0)
            {
                histories[i] = [new StateEntered(opened, "new")];
                continue;
            }

            Instant held = opened + Duration.FromMinutes(30 + random.Next(600));
            Instant resumed = held + Duration.FromMinutes(random.Next(3 * 24 * 60));
            histories[i] =
            [
                new StateEntered(opened, "new"), new StateEntered(held, "on_hold"),
                new StateEntered(resumed, "in_progress"),
            ];
        }

        return (services, histories);
    }
}
