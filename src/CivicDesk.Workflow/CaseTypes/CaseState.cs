namespace CivicDesk.Workflow.CaseTypes;

public sealed record CaseState(string Id, LocalizedText Label, StateKind Kind);
