using System.Collections.Immutable;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>A transition leaving the current state, and whether the user may take it now (and if not, why).</summary>
public sealed record TransitionOption(CaseTransition Transition, ImmutableArray<TransitionRefusal> Refusals)
{
    public bool Available => Refusals.IsEmpty;
}
