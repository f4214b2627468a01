namespace CivicDesk.Workflow.CaseTypes;

/// <summary>Who a notification goes to: the resident, the case's assignee, or everyone with a role.</summary>
public enum Recipient
{
    Resident,
    Assignee,
    Role,
}
