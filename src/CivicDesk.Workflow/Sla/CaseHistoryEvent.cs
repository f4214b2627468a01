using NodaTime;

namespace CivicDesk.Workflow.Sla;

/// <summary>One fact of a case's history that SLA clocks read. The history is the only input besides "now".</summary>
public abstract record CaseHistoryEvent(Instant At);

/// <summary>The case entered a state of its case type.</summary>
public sealed record StateEntered(Instant At, string State) : CaseHistoryEvent(At);

/// <summary>Something named happened that a clock may start or stop on ("first-response").</summary>
public sealed record MilestoneReached(Instant At, string Name) : CaseHistoryEvent(At);

/// <summary>A clock's target changed (a new priority, a staff override); time already used is kept.</summary>
public sealed record SlaTargetChanged(Instant At, string ClockId, SlaTarget Target) : CaseHistoryEvent(At);
