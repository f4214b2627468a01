namespace CivicDesk.Workflow.CaseTypes;

/// <summary>One reason a transition is refused, with a sentence for staff.</summary>
public sealed record TransitionRefusal(RefusalReason Reason, string Message);
