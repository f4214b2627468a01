using System.Collections.Immutable;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>States entered or events (milestones) reached that start or stop a clock.</summary>
public sealed record ClockEvents(ImmutableArray<string> States, ImmutableArray<string> Events);
