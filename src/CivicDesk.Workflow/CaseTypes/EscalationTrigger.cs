namespace CivicDesk.Workflow.CaseTypes;

/// <summary>What fires an escalation: a warning of the clock, or its breach.</summary>
public enum EscalationTrigger
{
    Warning,
    Breach,
}
