using System.Collections.Immutable;

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

/// <summary>One reason a transition is refused, with a sentence for staff.</summary>
public sealed record TransitionRefusal(RefusalReason Reason, string Message);

/// <summary>A transition leaving the current state, and whether the user may take it now (and if not, why).</summary>
public sealed record TransitionOption(CaseTransition Transition, ImmutableArray<TransitionRefusal> Refusals)
{
    public bool Available => Refusals.IsEmpty;
}

/// <summary>
/// The outcome of applying a transition: the new state and the notifications to send, or the refusals. Nothing
/// is changed by the library; Core records the state and sends the notifications.
/// </summary>
public sealed record TransitionOutcome(
    string? NewState,
    ImmutableArray<Notification> Notifications,
    ImmutableArray<TransitionRefusal> Refusals)
{
    public bool Succeeded => NewState is not null;
}
