namespace CivicDesk.Workflow.CaseTypes;

/// <summary>A text in English and Spanish, the two languages every label must have.</summary>
public sealed record LocalizedText(string En, string Es);
