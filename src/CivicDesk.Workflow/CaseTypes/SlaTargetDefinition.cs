using System.Collections.Immutable;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// One SLA clock of a case type: the calendar it counts on, what starts and stops it, its default amount and
/// the amounts of services that differ (by service code). Paused states are the case type's paused states.
/// </summary>
public sealed record SlaTargetDefinition(
    string Clock,
    string Calendar,
    ClockEvents Start,
    ClockEvents Stop,
    SlaAmount Target,
    ImmutableArray<SlaWarningDefinition> Warnings,
    ImmutableSortedDictionary<string, SlaAmount> Services);
