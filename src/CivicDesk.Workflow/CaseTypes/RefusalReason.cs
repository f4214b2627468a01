namespace CivicDesk.Workflow.CaseTypes;

/// <summary>Why a transition cannot be taken now.</summary>
public enum RefusalReason
{
    NotFromThisState,
    RoleNotAllowed,
    GuardFalse,
    GuardUndecided,
    RequiredFieldMissing,
    UnknownTransition,
}
