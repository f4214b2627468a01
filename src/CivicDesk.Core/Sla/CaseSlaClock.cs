using CivicDesk.Workflow.Sla;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Where one SLA clock of a case stands, as last written: kept in the transaction that (re)schedules the case's
/// SLA timers and in the one that fires a warning or breach, so case lists filter on it with an index instead of
/// evaluating clocks. Pages that show a clock evaluate it afresh; this row is for finding cases.
/// </summary>
public sealed class CaseSlaClock
{
    private CaseSlaClock()
    {
        ClockId = string.Empty;
        State = SlaClockStates.Running;
        CalendarKey = string.Empty;
    }

    public CaseSlaClock(Guid caseId, string clockId)
        : this()
    {
        CaseId = caseId;
        ClockId = clockId;
    }

    public Guid CaseId { get; private set; }

    public string ClockId { get; private set; }

    /// <summary>One of <see cref="SlaClockStates"/>.</summary>
    public string State { get; private set; }

    public Instant? Deadline { get; private set; }

    /// <summary>The earliest warning of the clock's current deadline, if it has one.</summary>
    public Instant? WarningAt { get; private set; }

    /// <summary>
    /// When the clock last stopped counting (its stop, or the start of its current pause); null while it runs.
    /// A recompute after a calendar edit skips a paused clock whose pause began before the first changed day.
    /// </summary>
    public Instant? StoppedCountingAt { get; private set; }

    /// <summary>The calendar the clock counted on, and its version, when last evaluated.</summary>
    public string CalendarKey { get; private set; }

    public int CalendarVersion { get; private set; }

    public Instant UpdatedAt { get; private set; }

    /// <summary>Writes the clock as evaluated at <paramref name="now"/>; true when anything changed.</summary>
    /// <remarks>
    /// <see cref="UpdatedAt"/> is when the stored state last changed. A row that a later version of its calendar
    /// evaluates to the same state, deadline, warning and stop keeps the version it was written on: the two
    /// versions agree on every day the row depends on, and a recompute compares a new version with every earlier
    /// one, so the row is found again when a later edit can move it.
    /// </remarks>
    internal bool Update(SlaClockStatus status, string calendarKey, int calendarVersion, Instant now)
    {
        Instant? warning = status.Warnings.Count == 0 ? null : status.Warnings.Min(w => w.At);
        string state = SlaClockStates.Of(status, warning, now);
        bool changed = state != State || status.Deadline != Deadline || warning != WarningAt
            || status.StoppedCountingAt != StoppedCountingAt || calendarKey != CalendarKey;

        // An unchanged row is left alone, so evaluating many cases again writes only those that moved.
        if (!changed)
        {
            return false;
        }

        State = state;
        Deadline = status.Deadline;
        WarningAt = warning;
        StoppedCountingAt = status.StoppedCountingAt;
        CalendarKey = calendarKey;
        CalendarVersion = calendarVersion;
        UpdatedAt = now;
        return true;
    }

    /// <summary>A warning timer fired: a running clock is now at risk.</summary>
    internal void WarningFired(Instant now)
    {
        if (State == SlaClockStates.Running)
        {
            State = SlaClockStates.AtRisk;
            UpdatedAt = now;
        }
    }

    /// <summary>A breach timer fired: the clock ran past its deadline.</summary>
    internal void BreachFired(Instant now)
    {
        State = SlaClockStates.Breached;
        UpdatedAt = now;
    }
}
