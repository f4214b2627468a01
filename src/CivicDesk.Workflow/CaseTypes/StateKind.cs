namespace CivicDesk.Workflow.CaseTypes;

/// <summary>Whether a state keeps the case open, pauses its SLA clocks, or ends it.</summary>
public enum StateKind
{
    Open,
    Paused,
    Closed,
}
