using NodaTime;

namespace CivicDesk.Workflow.Sla;

public enum SlaClockState
{
    /// <summary>The start event has not happened yet.</summary>
    NotStarted,

    Running,

    /// <summary>The case is in a paused state; the clock resumes when it leaves it.</summary>
    Paused,

    /// <summary>Stopped on or before its deadline.</summary>
    Met,

    /// <summary>Its deadline passed while it was running, or it stopped after its deadline.</summary>
    Breached,
}

/// <summary>A warning of a clock at its instant.</summary>
public sealed record SlaWarningTime(string Id, Instant At);

/// <summary>
/// A clock as it stands at one instant. <see cref="Used"/>, <see cref="Budget"/> and <see cref="Remaining"/> are in
/// the clock's measure (open time, or elapsed time for calendar-time targets); <see cref="Remaining"/> is negative
/// once overdue. <see cref="Deadline"/> is null before the start and while paused with time left; for a met clock
/// it is the deadline as it stood when the clock stopped.
/// </summary>
public sealed record SlaClockStatus(
    string ClockId,
    SlaClockState State,
    SlaTarget Target,
    Instant? StartedAt,
    Instant? StoppedAt,
    Duration Used,
    Duration Budget,
    Instant? Deadline,
    IReadOnlyList<SlaWarningTime> Warnings)
{
    public Duration Remaining => Budget - Used;

    /// <summary>
    /// When the clock last stopped counting: its stop, or the start of its current pause; null while it runs and
    /// before it starts. Nothing the calendar says after this instant changes a paused clock's state.
    /// </summary>
    public Instant? StoppedCountingAt { get; init; }
}
