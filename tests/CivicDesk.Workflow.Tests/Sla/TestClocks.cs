using CivicDesk.Workflow.Sla;
using NodaTime;

namespace CivicDesk.Workflow.Tests.Sla;

/// <summary>A 311-like resolution clock: starts on "open", stops on "closed", paused while waiting.</summary>
internal static class TestClocks
{
    public const string Resolution = "resolution";

    public static SlaClockDefinition ResolutionClock(SlaTarget target, params SlaWarning[] warnings) => new(
        Resolution,
        target,
        ClockTrigger.OnEntering("open"),
        ClockTrigger.OnEntering("closed", "cancelled"),
        ["waiting-on-resident"],
        warnings);

    public static StateEntered Entered(Instant at, string state) => new(at, state);

    public static SlaTargetChanged Retarget(Instant at, SlaTarget target) => new(at, Resolution, target);

    public static BusinessHoursTarget BusinessHours(int hours) => new(Duration.FromHours(hours));
}
