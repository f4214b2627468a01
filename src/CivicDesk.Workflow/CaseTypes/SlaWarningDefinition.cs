namespace CivicDesk.Workflow.CaseTypes;

/// <summary>A warning so many business hours before a clock's deadline.</summary>
public sealed record SlaWarningDefinition(string Id, int BusinessHoursBefore);
