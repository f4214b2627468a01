using NodaTime;

namespace CivicDesk.Rules.Records;

/// <summary>
/// A reproducible decision: which rule set (id, version, content hash), the as-of date, the canonical inputs and
/// their SHA-256, the outputs and the trace (canonical JSON). Replaying it with the same rule set version gives an
/// equal record (<see cref="DecisionRecords.Replay"/>).
/// </summary>
public sealed record DecisionRecord(
    string RuleSetId,
    string RuleSetVersion,
    string ContentHash,
    LocalDate AsOf,
    string Inputs,
    string InputsHash,
    string Outputs,
    string Trace);
