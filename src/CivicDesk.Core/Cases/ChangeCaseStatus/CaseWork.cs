using CivicDesk.Rules.Values;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.Cases.ChangeCaseStatus;

/// <summary>
/// What a pinned case is worked with: its case type (null when the pinned version cannot be used, see
/// <see cref="CaseTypes.PinnedCaseTypes"/>), the values the case itself gives to guards, and the date guards are
/// evaluated on (today in the jurisdiction's time zone).
/// </summary>
public sealed record CaseWork(CaseType? Type, IReadOnlyDictionary<string, Value> CaseFields, LocalDate AsOf);

/// <summary>A transition to offer for a case now: its id, target status, label and the fields it needs.</summary>
public sealed record TransitionChoice(
    string Id,
    CaseStatus To,
    LocalizedText Label,
    IReadOnlyList<string> RequiredFields);

/// <summary>A transition checked and allowed, with the field values given for it (trimmed, non-empty).</summary>
public sealed record ChosenTransition(
    CaseTransition Transition,
    CaseStatus To,
    IReadOnlyDictionary<string, string> Fields);
