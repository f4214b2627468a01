using NodaTime;

namespace CivicDesk.Workflow.Sla;

/// <summary>
/// The replay of a case's history for one clock: when it started and stopped, the spans during which it ran,
/// and the target in force at the end. Events at the same instant are taken in the order given.
/// </summary>
// Limitation: a clock starts once and stops once; a case reopened after its stop event does not restart it.
// Lift this when case types declare what a reopen does to each clock (issue 4, case types as data).
internal sealed class ClockRun
{
    private readonly List<Interval> _ranSpans = [];

    private ClockRun(SlaTarget target)
    {
        Target = target;
    }

    public SlaTarget Target { get; private set; }

    public Instant? StartedAt { get; private set; }

    public Instant? StoppedAt { get; private set; }

    /// <summary>Set while the clock runs: the start of the current span, which has no end yet.</summary>
    public Instant? RunningSince { get; private set; }

    /// <summary>The spans during which the clock ran and that have ended, in order.</summary>
    public IReadOnlyList<Interval> RanSpans => _ranSpans;

    public static ClockRun Replay(SlaClockDefinition clock, IEnumerable<CaseHistoryEvent> history, Instant now)
    {
        ClockRun run = new(clock.Target);
        bool paused = false;
        foreach (CaseHistoryEvent happened in history.Where(e => e.At <= now).OrderBy(e => e.At))
        {
            if (happened is SlaTargetChanged change)
            {
                if (string.Equals(change.ClockId, clock.Id, StringComparison.Ordinal))
                {
                    run.Target = change.Target;
                }

                continue;
            }

            if (happened is StateEntered entered)
            {
                paused = clock.PausedStates.Contains(entered.State, StringComparer.Ordinal);
            }

            run.Apply(clock, happened, paused);
        }

        return run;
    }

    private void Apply(SlaClockDefinition clock, CaseHistoryEvent happened, bool paused)
    {
        if (StartedAt is null)
        {
            if (clock.Start.Matches(happened))
            {
                StartedAt = happened.At;
                RunningSince = paused ? null : happened.At;
            }

            return;
        }

        if (StoppedAt is not null)
        {
            return;
        }

        if (clock.Stop.Matches(happened))
        {
            StoppedAt = happened.At;
            EndSpan(happened.At);
        }
        else if (paused)
        {
            EndSpan(happened.At);
        }
        else
        {
            RunningSince ??= happened.At;
        }
    }

    private void EndSpan(Instant at)
    {
        if (RunningSince is { } since)
        {
            _ranSpans.Add(new Interval(since, at));
            RunningSince = null;
        }
    }
}
