using CivicDesk.Workflow.Calendars;
using NodaTime;

namespace CivicDesk.Workflow.Sla;

/// <summary>
/// Evaluates an SLA clock as a pure function of a case's history, its calendar and the instant asked about.
/// Nothing is stored between calls, so a calendar edit or a replayed history gives the new answer at once.
/// </summary>
public static class SlaClock
{
    public static SlaClockStatus Evaluate(
        SlaClockDefinition clock,
        BusinessCalendar calendar,
        IEnumerable<CaseHistoryEvent> history,
        Instant now)
    {
        ClockRun run = ClockRun.Replay(clock, history, now);
        if (run.StartedAt is not { } started)
        {
            return new SlaClockStatus(
                clock.Id, SlaClockState.NotStarted, run.Target, null, null, Duration.Zero, Duration.Zero, null, []);
        }

        ClockMeasure measure = new(calendar, run.Target.CountsBusinessTime);
        Duration budget = run.Target.BudgetFrom(calendar, started);
        Duration used = run.RanSpans.Aggregate(Duration.Zero, (sum, span) => sum + measure.Of(span.Start, span.End));
        if (run.RunningSince is { } since)
        {
            used += measure.Of(since, now);
        }

        Instant? deadline = FindDeadline(run, measure, budget);
        SlaClockState state = StateOf(run, deadline, now);
        IReadOnlyList<SlaWarningTime> warnings = Warn(clock, calendar, started, deadline);
        return new SlaClockStatus(
            clock.Id, state, run.Target, started, run.StoppedAt, used, budget, deadline, warnings)
        {
            StoppedCountingAt = run.RunningSince is null
                ? run.StoppedAt ?? (run.RanSpans.Count > 0 ? run.RanSpans[^1].End : started)
                : null,
        };
    }

    // Warnings count open time back from the deadline, so they fall inside business hours even for a clock of
    // calendar time whose deadline is at night. A warning that would come at or before the clock's start is not
    // given: a target with fewer business hours in it than the warning asks for (8 calendar hours from a Tuesday
    // evening, warned 8 business hours before) would make every such case at risk, and escalate, as it arrives.
    private static IReadOnlyList<SlaWarningTime> Warn(
        SlaClockDefinition clock,
        BusinessCalendar calendar,
        Instant started,
        Instant? due) =>
        due is { } deadline
            ? [.. clock.Warnings
                .Select(w => new SlaWarningTime(w.Id, calendar.SubtractBusinessTime(deadline, w.BusinessTimeBefore)))
                .Where(w => w.At > started)]
            : [];

    private static Instant? FindDeadline(ClockRun run, ClockMeasure measure, Duration budget)
    {
        Duration remaining = budget;
        foreach (Interval span in run.RanSpans)
        {
            Duration ran = measure.Of(span.Start, span.End);
            if (ran >= remaining)
            {
                return measure.Advance(span.Start, remaining);
            }

            remaining -= ran;
        }

        if (run.RunningSince is { } since)
        {
            return measure.Advance(since, remaining);
        }

        // A met clock shows the deadline it had when it stopped; a paused clock with time left has none.
        return run.StoppedAt is { } stopped ? measure.Advance(stopped, remaining) : null;
    }

    private static SlaClockState StateOf(ClockRun run, Instant? deadline, Instant now)
    {
        if (run.StoppedAt is { } stopped)
        {
            return stopped > deadline ? SlaClockState.Breached : SlaClockState.Met;
        }

        if (run.RunningSince is not null)
        {
            return now > deadline ? SlaClockState.Breached : SlaClockState.Running;
        }

        Instant lastRan = run.RanSpans.Count > 0 ? run.RanSpans[^1].End : run.StartedAt!.Value;
        return lastRan > deadline ? SlaClockState.Breached : SlaClockState.Paused;
    }

    /// <summary>Open time of the calendar, or elapsed time, depending on the target.</summary>
    private readonly record struct ClockMeasure(BusinessCalendar Calendar, bool BusinessTime)
    {
        public Duration Of(Instant from, Instant to) =>
            BusinessTime ? Calendar.BusinessTimeBetween(from, to) : to - from;

        public Instant Advance(Instant from, Duration amount) =>
            BusinessTime ? Calendar.AddBusinessTime(from, amount) : from + amount;
    }
}
