using CivicDesk.Core.Cases;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Which SLA clocks a case has and the calendar they count on. The default reads configuration
/// (<see cref="DefaultSlaPolicy"/>); case types will answer per service and case-type version.
/// </summary>
public interface ISlaPolicy
{
    /// <summary>The case's clocks and calendar; null when the case has no SLA.</summary>
    ValueTask<SlaPlan?> PlanForAsync(Case @case, CancellationToken cancellationToken);
}
