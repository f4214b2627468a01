using NodaTime;

namespace CivicDesk.Core.Cases.ListCases;

/// <summary>The filters of a case list that need no lookup: status, dates, data quality and assignment.</summary>
internal static class CaseListFilters
{
    public static IQueryable<Case> Apply(IQueryable<Case> cases, CaseListQuery query, DateTimeZone zone, Guid userId)
    {
        if (query.Statuses.Count > 0)
        {
            CaseStatus[] statuses = [.. query.Statuses];
            cases = cases.Where(c => statuses.Contains(c.Status));
        }

        if (query.CreatedFrom is LocalDate from)
        {
            Instant start = from.AtStartOfDayInZone(zone).ToInstant();
            cases = cases.Where(c => c.CreatedAt >= start);
        }

        if (query.CreatedTo is LocalDate to)
        {
            Instant end = to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            cases = cases.Where(c => c.CreatedAt < end);
        }

        if (query.Priority is int priority)
        {
            cases = cases.Where(c => c.Priority == priority);
        }

        DataQualityFlags flag = query.Flag;
        cases = query.Quality switch
        {
            QualityFilter.Any => cases,
            QualityFilter.Flagged => cases.Where(c => c.Quality != DataQualityFlags.None),
            QualityFilter.Clean => cases.Where(c => c.Quality == DataQualityFlags.None),
            QualityFilter.Flag => cases.Where(c => (c.Quality & flag) == flag),
        };
        return query.Assignment switch
        {
            AssignmentFilter.Any => cases,
            AssignmentFilter.Mine => cases.Where(c => c.AssigneeId == userId),
            AssignmentFilter.Unassigned => cases.Where(c => c.AssigneeId == null),
        };
    }
}
