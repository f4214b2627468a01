using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CivicDesk.Core.Calendars;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Testing;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Core.Tests.Sla.SlaWorld;

namespace CivicDesk.Core.Tests.Sla;

/// <summary>
/// Issue 4, item 10: the recompute after a calendar edit skips the cases whose stored clocks cannot move, and a
/// recompute with the skip ends with the same clock rows, timers and notes as one that evaluates every case.
/// </summary>
public sealed class SlaSkipRuleTests
{
    private static readonly Instant Start = Instant.FromUtc(2025, 10, 20, 13, 0);

    private static readonly Instant End = Instant.FromUtc(2025, 12, 19, 20, 0);

    private static readonly string[] Services =
        ["graffiti", "dirty-condition", "heat-hot-water", "water-leak", "plumbing", "derelict-vehicles"];

    public static TheoryData<string, int> Seeds()
    {
        TheoryData<string, int> data = [];
        foreach (string provider in new[] { DatabaseProviders.Sqlite, DatabaseProviders.Postgres })
        {
            foreach (int seed in new[] { 1, 2, 3, 4, 5, 6 })
            {
                data.Add(provider, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RandomEditsAndHistories_SkipEndsWhereEvaluatingEveryCaseEnds(string provider, int seed)
    {
        await using StaffWorld skipping = await StaffWorld.CreateAsync(provider);
        await using StaffWorld everything = await StaffWorld.CreateAsync(provider);
        List<Step> steps = Histories(new Random(seed));
        string yaml = RandomEdit(new Random(seed * 7919));
        List<Guid> skipCases = await PlayAsync(skipping, steps);
        List<Guid> allCases = await PlayAsync(everything, steps);

        SlaRecomputed skipped = await PublishAsync(skipping, yaml, skipDisabled: false);
        SlaRecomputed all = await PublishAsync(everything, yaml, skipDisabled: true);

        Assert.Equal(steps.Count(s => s.Kind == StepKind.Create), all.Cases);
        Assert.True(skipped.Cases <= all.Cases);
        Assert.Equal(all.DeadlinesMoved, skipped.DeadlinesMoved);
        Assert.Equal(await RowsAsync(everything, allCases), await RowsAsync(skipping, skipCases));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ClosingAPastWeekday_EvaluatesOnlyTheClocksStillCountingThen(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Instant now = Instant.FromUtc(2025, 12, 19, 20, 0);

        // Created 40 days before now: dirty-condition (5 business days) was due in November; graffiti (20 business
        // days) was due on 2025-12-09; the second graffiti case went on hold 30 days ago with time left.
        List<Step> steps =
        [
            new(now - Duration.FromDays(40), StepKind.Create, 0, "dirty-condition"),
            new(now - Duration.FromDays(40), StepKind.Create, 1, "graffiti"),
            new(now - Duration.FromDays(40), StepKind.Create, 2, "graffiti"),
            new(now - Duration.FromDays(31), StepKind.Change, 2, nameof(CaseStatus.Open)),
            new(now - Duration.FromDays(30), StepKind.Change, 2, nameof(CaseStatus.OnHold)),
        ];
        List<Guid> cases = await PlayAsync(world, steps);
        List<string> before = await RowsAsync(world, cases);

        // Friday 2025-12-05, two weeks before now, closed: only the running graffiti clock counted on that day.
        SlaRecomputed recomputed = await PublishAsync(world, Version2With(Closure("2025-12-05")), skipDisabled: false);

        Assert.Equal((1, 1), (recomputed.Cases, recomputed.DeadlinesMoved));
        List<string> after = await RowsAsync(world, cases);
        Assert.Equal(before.Where(r => !r.Contains("case1", StringComparison.Ordinal)),
            after.Where(r => !r.Contains("case1", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OpeningADayBeforeAPause_EvaluatesThePausedClock_AndItsTimeRunsOut(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);

        // water-leak, 2 business days from Wednesday 2025-11-26 08:00 (New York): Thanksgiving is closed, so the
        // budget is Wednesday, Friday and Monday (30 hours), 29 of them used when the case goes on hold on Monday
        // 17:00. The graffiti case went on hold before Thanksgiving: nothing after its pause can matter to it.
        List<Step> steps =
        [
            new(Instant.FromUtc(2025, 11, 17, 15, 0), StepKind.Create, 0, "graffiti"),
            new(Instant.FromUtc(2025, 11, 17, 16, 0), StepKind.Change, 0, nameof(CaseStatus.InProgress)),
            new(Instant.FromUtc(2025, 11, 18, 16, 0), StepKind.Change, 0, nameof(CaseStatus.OnHold)),
            new(Instant.FromUtc(2025, 11, 26, 13, 0), StepKind.Create, 1, "water-leak"),
            new(Instant.FromUtc(2025, 11, 26, 13, 30), StepKind.Change, 1, nameof(CaseStatus.InProgress)),
            new(Instant.FromUtc(2025, 12, 1, 22, 0), StepKind.Change, 1, nameof(CaseStatus.OnHold)),
        ];
        List<Guid> cases = await PlayAsync(world, steps);
        Assert.Equal((SlaClockStates.Paused, null), await StateAsync(world, cases[1]));

        // Thanksgiving open: the budget ends on Friday, and Wednesday to Friday used it all before the pause.
        string yaml = Version2With(string.Empty).Replace(
            "  - name: Thanksgiving Day\n    month: 11\n    weekday: thursday\n    nth: 4\n",
            string.Empty,
            StringComparison.Ordinal);
        SlaRecomputed recomputed = await PublishAsync(world, yaml, skipDisabled: false);

        Assert.Equal(1, recomputed.Cases);
        Assert.Equal(
            (SlaClockStates.Breached, Instant.FromUtc(2025, 11, 28, 23, 0)),
            await StateAsync(world, cases[1]));
        Assert.Equal((SlaClockStates.Paused, null), await StateAsync(world, cases[0]));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AWarningThatWouldComeBeforeTheCaseWasOpened_IsNotGiven_AndThatDayNoLongerCounts(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);

        // heat-hot-water, 24 calendar hours from Sunday 2025-12-07 05:00 (New York): due Monday 05:00; its warning
        // 8 business hours before that would be Friday 10:00, before the case was opened, so it has none, and
        // closing that Friday (the day before the window, with the day of margin) evaluates nothing.
        List<Step> steps = [new(Instant.FromUtc(2025, 12, 7, 10, 0), StepKind.Create, 0, "heat-hot-water")];
        List<Guid> cases = await PlayAsync(world, steps);

        SlaRecomputed recomputed = await PublishAsync(world, Version2With(Closure("2025-12-05")), skipDisabled: false);

        Assert.Equal((0, 0), (recomputed.Cases, recomputed.DeadlinesMoved));
        CaseSlaClock clock = await ClockAsync(world, cases[0], "resolution");
        Assert.Equal((Instant.FromUtc(2025, 12, 8, 10, 0), null), (clock.Deadline!.Value, clock.WarningAt));
    }

    private static async Task<(string, Instant?)> StateAsync(StaffWorld world, Guid caseId)
    {
        CaseSlaClock clock = await ClockAsync(world, caseId, "resolution");
        return (clock.State, clock.Deadline);
    }

    private enum StepKind
    {
        Create,
        Change,
    }

    /// <summary>One thing that happens to case number <paramref name="Case"/> at <paramref name="At"/>.</summary>
    private sealed record Step(Instant At, StepKind Kind, int Case, string What);

    /// <summary>Random cases over the months before <see cref="End"/>, each with a few random status changes.</summary>
    private static List<Step> Histories(Random random)
    {
        List<Step> steps = [];
        long span = (End - Start).ToTimeSpan().Ticks;
        for (int i = 0; i < 24; i++)
        {
            Instant at = Start + Duration.FromTicks((long)(random.NextDouble() * span * 0.95));
            steps.Add(new Step(at, StepKind.Create, i, Services[random.Next(Services.Length)]));
            CaseStatus status = CaseStatus.New;
            for (int change = random.Next(4); change > 0; change--)
            {
                CaseStatus[] next = status switch
                {
                    CaseStatus.New => [CaseStatus.Open, CaseStatus.InProgress],
                    CaseStatus.Open => [CaseStatus.InProgress, CaseStatus.OnHold],
                    CaseStatus.InProgress => [CaseStatus.OnHold],
                    _ => [CaseStatus.InProgress],
                };
                status = next[random.Next(next.Length)];
                at += Duration.FromMinutes(random.Next(30, 60 * 24 * 5));
                if (at >= End)
                {
                    break;
                }

                steps.Add(new Step(at, StepKind.Change, i, status.ToString()));
            }
        }

        return [.. steps.OrderBy(s => s.At).ThenBy(s => s.Case)];
    }

    /// <summary>
    /// Version 2 of the sample calendar with random edits: one-off closures in the past or the future, a holiday
    /// dropped (a day opened), and now and then shorter hours on every weekday.
    /// </summary>
    private static string RandomEdit(Random random)
    {
        StringBuilder closures = new();
        for (int i = random.Next(1, 6); i > 0; i--)
        {
            LocalDate day = LocalDate.FromDateTime(End.ToDateTimeUtc()).PlusDays(random.Next(-60, 40));
            closures.Append(Closure(day.ToString("R", CultureInfo.InvariantCulture), i));
        }

        string yaml = Version2With(closures.ToString());
        string[] holidays =
        [
            "  - name: Veterans Day\n    date: \"11-11\"\n    observed: friday-or-monday\n",
            "  - name: Thanksgiving Day\n    month: 11\n    weekday: thursday\n    nth: 4\n",
        ];
        foreach (string holiday in holidays.Where(_ => random.Next(3) == 0))
        {
            Assert.Contains(holiday, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(holiday, string.Empty, StringComparison.Ordinal);
        }

        if (random.Next(6) == 0)
        {
            yaml = yaml.Replace("close: \"18:00\"", "close: \"17:30\"", StringComparison.Ordinal);
        }

        return yaml;
    }

    private static string Version2With(string closures) =>
        File.ReadAllText(RepositoryPaths.Samples("calendars", "nyc.yaml"))
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
        + (closures.Length == 0 ? string.Empty : "closures:\n" + closures);

    private static string Closure(string date, int number = 0) =>
        $"  - name: Closure {number}\n    from: \"{date}\"\n";

    /// <summary>
    /// Plays the steps in order on the fake clock: each new case scheduled as intake schedules it, each change
    /// made through the status handler; then, at <see cref="End"/>, every clock brought up to date on version 1,
    /// so that only the edit can make a recompute differ.
    /// </summary>
    private static async Task<List<Guid>> PlayAsync(StaffWorld world, List<Step> steps)
    {
        PinnedCaseType nyc311 = await PublishNyc311Async(world);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "DSNY", "HPD", "DEP");
        Dictionary<int, (Guid Id, int Version)> cases = [];
        foreach (Step step in steps)
        {
            world.Time.SetUtcNow(step.At.ToDateTimeOffset());
            if (step.Kind == StepKind.Create)
            {
                Guid id = await world.AddCaseAsync(step.What, step.At, caseType: nyc311);
                await ScheduleAsync(world, id);
                cases[step.Case] = (id, 1);
                continue;
            }

            (Guid caseId, int version) = cases[step.Case];
            await ChangeStatusAsync(world, ana, caseId, version, Enum.Parse<CaseStatus>(step.What));
            cases[step.Case] = (caseId, version + 1);
        }

        world.Time.SetUtcNow(End.ToDateTimeOffset());
        await RecomputeAsync(world, 1, skipDisabled: true);
        return [.. cases.OrderBy(c => c.Key).Select(c => c.Value.Id)];
    }

    private static async Task<SlaRecomputed> PublishAsync(StaffWorld world, string yaml, bool skipDisabled)
    {
        (CalendarPublication? publication, ImmutableArray<FileProblem> problems) =
            CalendarPublication.Read("nyc.yaml", yaml, Actor.System);
        Assert.True(publication is not null, string.Join("; ", problems));
        await using (AsyncServiceScope scope = world.Scope())
        {
            CivicDeskDbContext db = StaffWorld.Get<CivicDeskDbContext>(scope);
            db.Calendars.Add(new CalendarVersion(
                Guid.CreateVersion7(), world.JurisdictionId, publication, world.Time.GetCurrentInstant()));
            await db.SaveChangesAsync(Ct);
            StaffWorld.Get<CatalogCache>(scope).Clear();
        }

        return await RecomputeAsync(world, 2, skipDisabled);
    }

    private static async Task<SlaRecomputed> RecomputeAsync(StaffWorld world, int version, bool skipDisabled)
    {
        await using AsyncServiceScope scope = world.Scope();
        SlaRecomputation recomputation = StaffWorld.Get<SlaRecomputation>(scope);
        recomputation.SkipDisabled = skipDisabled;
        return await recomputation.RecomputeAsync(
            world.JurisdictionId, "nyc-business", version, SlaRecomputation.DefaultBatchSize, Ct);
    }

    /// <summary>
    /// The cases' clock rows, timers and notes, every column but a clock row's calendar version and update instant
    /// (a skipped row keeps the version it was evaluated on, which is the point of skipping it).
    /// </summary>
    private static async Task<List<string>> RowsAsync(StaffWorld world, List<Guid> cases) =>
    [
        .. (await SlaRecomputationTests.SnapshotAsync(world, cases)).Select(row =>
            row.StartsWith("clock", StringComparison.Ordinal)
                ? string.Join(" | ", row.Split(" | ")[..^2])
                : row),
    ];
}
