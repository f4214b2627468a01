namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// One reason a transition is refused, with a sentence for staff and, when one field is to blame (a required field
/// without a value), that field's name.
/// </summary>
public sealed record TransitionRefusal(RefusalReason Reason, string Message, string? Field = null);
