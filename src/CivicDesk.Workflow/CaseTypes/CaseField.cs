namespace CivicDesk.Workflow.CaseTypes;

/// <summary>A field of a case, typed with a type name of the rules language (text, integer, ...).</summary>
public sealed record CaseField(string Name, string Type, bool Required);
