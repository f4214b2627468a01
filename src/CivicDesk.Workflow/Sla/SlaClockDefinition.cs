using NodaTime;

namespace CivicDesk.Workflow.Sla;

/// <summary>When a clock starts or stops: on entering any of the states, or on any of the milestones.</summary>
public sealed record ClockTrigger(IReadOnlyCollection<string> States, IReadOnlyCollection<string> Milestones)
{
    public static ClockTrigger OnEntering(params string[] states) => new(states, []);

    public static ClockTrigger OnMilestone(params string[] milestones) => new([], milestones);

    internal bool Matches(CaseHistoryEvent happened) => happened switch
    {
        StateEntered entered => States.Contains(entered.State, StringComparer.Ordinal),
        MilestoneReached milestone => Milestones.Contains(milestone.Name, StringComparer.Ordinal),
        _ => false,
    };
}

/// <summary>A warning raised a given amount of open time before the deadline ("1 business hour before").</summary>
public sealed record SlaWarning(string Id, Duration BusinessTimeBefore);

/// <summary>
/// One SLA clock of a case type: its target, what starts and stops it, the states in which it is paused, and
/// its warnings. A clock starts on the first matching event and stops on the first stop event after that.
/// </summary>
public sealed record SlaClockDefinition(
    string Id,
    SlaTarget Target,
    ClockTrigger Start,
    ClockTrigger Stop,
    IReadOnlyCollection<string> PausedStates,
    IReadOnlyList<SlaWarning> Warnings);
