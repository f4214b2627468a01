using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Which SLA clocks a case has and the calendars they count on: from the case's pinned case type
/// (<see cref="CaseTypeSlaPolicy"/>), else from configuration (<see cref="DefaultSlaPolicy"/>).
/// </summary>
public interface ISlaPolicy
{
    /// <summary>The case's clocks and calendars; null when the case has no SLA.</summary>
    ValueTask<SlaPlan?> PlanForAsync(SlaSubject subject, CancellationToken cancellationToken);
}

/// <summary>What choosing a case's clocks reads of it: where it is, its service and its case type version.</summary>
public sealed record SlaSubject(Guid JurisdictionId, Guid ServiceId, PinnedCaseType? CaseType)
{
    public static SlaSubject Of(Case @case) => new(
        @case.JurisdictionId,
        @case.ServiceId,
        @case is { CaseTypeKey: { } key, CaseTypeVersion: { } version, CaseTypeHash: { } hash }
            ? new PinnedCaseType(key, version, hash)
            : null);
}
