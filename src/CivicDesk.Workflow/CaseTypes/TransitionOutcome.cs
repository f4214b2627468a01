using System.Collections.Immutable;

namespace CivicDesk.Workflow.CaseTypes;

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
