using CivicDesk.Workflow.Sla;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>An SLA clock for one service: the calendar id to evaluate it on, and its definition.</summary>
public sealed record CaseTypeClock(string Calendar, SlaClockDefinition Definition);
