using CivicDesk.Workflow.Sla;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// The stored state of a case's clock. Beside the workflow library's states it names <see cref="AtRisk"/>: a
/// running clock whose first warning has passed, which is what a supervisor filters on before a breach.
/// </summary>
public static class SlaClockStates
{
    public const string NotStarted = "not_started";

    public const string Running = "running";

    public const string AtRisk = "at_risk";

    public const string Paused = "paused";

    public const string Met = "met";

    public const string Breached = "breached";

    public static string Of(SlaClockStatus status, Instant? warningAt, Instant now) => status.State switch
    {
        SlaClockState.NotStarted => NotStarted,
        SlaClockState.Running => warningAt <= now ? AtRisk : Running,
        SlaClockState.Paused => Paused,
        SlaClockState.Met => Met,
        _ => Breached,
    };
}
