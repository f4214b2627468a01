using NodaTime;

namespace CivicDesk.Workflow.Calendars;

/// <summary>
/// A span of local wall-clock time within one day, from <see cref="Start"/> (inclusive) to <see cref="End"/>
/// (exclusive). An <see cref="End"/> of midnight means the end of the day (24:00).
/// </summary>
public sealed record TimeRange(LocalTime Start, LocalTime End)
{
    internal bool EndsAtMidnight => End == LocalTime.Midnight;

    internal bool IsWellFormed => EndsAtMidnight || Start < End;

    internal bool Contains(TimeRange other) =>
        other.Start >= Start && (EndsAtMidnight || (!other.EndsAtMidnight && other.End <= End));

    internal bool Overlaps(TimeRange other) =>
        (other.EndsAtMidnight || Start < other.End) && (EndsAtMidnight || other.Start < End);

    public override string ToString() => $"{Format(Start)}-{(EndsAtMidnight ? "24:00" : Format(End))}";

    private static string Format(LocalTime time) =>
        time.ToString("HH':'mm", System.Globalization.CultureInfo.InvariantCulture);
}
