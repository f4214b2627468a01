namespace CivicDesk.Workflow.CaseTypes;

/// <summary>One thing wrong with a state mapping: the state of the old version it concerns, and what.</summary>
public sealed record StateMappingProblem(string FromState, string Message);
