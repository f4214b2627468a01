using CivicDesk.Core.Sla;

namespace CivicDesk.Core.Cases.ListCases;

/// <summary>
/// The SLA filter of a case list, on the stored clock states (<c>case_sla_clocks</c>, indexed by state), which
/// the scheduler and the warning and breach timers keep. Applied to cases already narrowed to the caller's
/// scope, so it never reveals a case the caller may not see.
/// </summary>
// Limitation: a stored state turns at risk or breached when the clock's timer fires (or the case is scheduled
// again), so with no timer poller running, or a poller behind, the filter lags by that much. Compare the stored
// deadline and warning instants with the current time in the query if that lag matters.
internal static class SlaFilters
{
    public static IQueryable<Case> Apply(IQueryable<Case> cases, IQueryable<CaseSlaClock> clocks, SlaFilter filter)
    {
        IQueryable<CaseSlaClock> breached = clocks.Where(k => k.State == SlaClockStates.Breached);
        IQueryable<CaseSlaClock> atRisk = clocks.Where(k => k.State == SlaClockStates.AtRisk);
        return filter switch
        {
            SlaFilter.Any => cases,
            SlaFilter.Breached => cases.Where(c => breached.Any(k => k.CaseId == c.Id)),
            SlaFilter.AtRisk => cases.Where(c =>
                atRisk.Any(k => k.CaseId == c.Id) && !breached.Any(k => k.CaseId == c.Id)),
            SlaFilter.OnTime => cases.Where(c =>
                !atRisk.Any(k => k.CaseId == c.Id) && !breached.Any(k => k.CaseId == c.Id)),
        };
    }
}
