using System.Globalization;
using CivicDesk.Core.Cases.Scope;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Cases.ListCases;

/// <summary>
/// Lists the cases inside the caller's scope with filters, an order and a page. The order always ends
/// with the case id, so a page holds the same cases however often it is asked for.
/// </summary>
public sealed class ListCasesHandler(CivicDeskDbContext db, StaffScopes scopes)
{
    public async Task<Result<CaseListPage>> HandleAsync(
        StaffCaller caller,
        CaseListQuery query,
        CancellationToken cancellationToken)
    {
        StaffScope? scope = await scopes.ForAsync(caller, cancellationToken);
        if (scope is null)
        {
            return new NotFound("Staff user");
        }

        // The date filters are read in the zone the caller sees times in, so a day typed matches the day shown.
        ViewerZone viewer = await ZoneAsync(scope, cancellationToken);
        (IQueryable<Case>? cases, Error? error) = await FilterAsync(scope, query, viewer.Zone, cancellationToken);
        if (cases is null)
        {
            return error!;
        }

        int total = await cases.CountAsync(cancellationToken);

        // The service's name in the reader's language where the catalogue translates it, so the order by service
        // follows the names shown; the source name where it does not. The key is CatalogTextKeys.ServiceName's,
        // spelled out so that the database builds it.
        string language = Translations.LanguageOf(query.Culture ?? string.Empty);
        IQueryable<LocalizedText> texts = db.LocalizedTexts.Where(t => t.Culture == language && t.Text != "");
        IQueryable<CaseRow> rows = from c in cases
                                   join s in db.Services on c.ServiceId equals s.Id
                                   join d in db.Departments on c.DepartmentId equals d.Id
                                   join u in db.StaffUsers on c.AssigneeId equals (Guid?)u.Id into assignees
                                   from a in assignees.DefaultIfEmpty()
                                   join t in texts
                                       on new { s.JurisdictionId, Key = "service:" + s.Code + ":name" }
                                       equals new { t.JurisdictionId, t.Key } into names
                                   from n in names.DefaultIfEmpty()
                                   select new CaseRow
                                   {
                                       Case = c,
                                       ServiceCode = s.Code,
                                       ServiceName = n.Text ?? s.Name,
                                       DepartmentCode = d.Code,
                                       Assignee = a.DisplayName,
                                   };
        List<CaseRow> page = await Sort(rows, query)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        List<CaseListItem> items = page.Select(r => new CaseListItem(
            r.Case.Id, r.Case.Reference, r.ServiceCode, r.ServiceName, r.DepartmentCode, r.Case.Status,
            r.Case.AssigneeId, r.Assignee, r.Case.CreatedAt, r.Case.UpdatedAt, r.Case.Quality,
            r.Case.SourceSystem, r.Case.Version) { Priority = r.Case.Priority }).ToList();
        return new CaseListPage(items, total, query.Page, query.PageSize, viewer);
    }

    /// <summary>The chosen order, then the case id, so that ties always fall the same way.</summary>
    private static IQueryable<CaseRow> Sort(IQueryable<CaseRow> rows, CaseListQuery query)
    {
        IOrderedQueryable<CaseRow> ordered = query.Sort switch
        {
            CaseSort.Created => Order(rows, r => r.Case.CreatedAt, query.Descending),
            CaseSort.Updated => Order(rows, r => r.Case.UpdatedAt, query.Descending),
            CaseSort.Service => Order(rows, r => r.ServiceName, query.Descending),

            // Most urgent (1) first when ascending; cases without a priority last either way round.
            CaseSort.Priority => query.Descending
                ? rows.OrderBy(r => r.Case.Priority == null ? 1 : 0).ThenByDescending(r => r.Case.Priority)
                : rows.OrderBy(r => r.Case.Priority == null ? 1 : 0).ThenBy(r => r.Case.Priority),

            // The workflow's order, not the alphabet: new, open, in progress, on hold, then closing states.
            CaseSort.Status => Order(
                rows,
                r => r.Case.Status == CaseStatus.New ? 0
                    : r.Case.Status == CaseStatus.Open ? 1
                    : r.Case.Status == CaseStatus.InProgress ? 2
                    : r.Case.Status == CaseStatus.OnHold ? 3
                    : r.Case.Status == CaseStatus.Closed ? 4
                    : r.Case.Status == CaseStatus.Cancelled ? 5
                    : 6,
                query.Descending),
        };
        return query.Descending ? ordered.ThenByDescending(r => r.Case.Id) : ordered.ThenBy(r => r.Case.Id);
    }

    /// <summary>The departments and services of the caller's scope, for the filter form.</summary>
    public Task<CaseListChoices> ChoicesAsync(StaffCaller caller, CancellationToken cancellationToken) =>
        ChoicesAsync(caller, null, cancellationToken);

    /// <summary>
    /// The departments and services of the caller's scope, named in the language of <paramref name="culture"/>
    /// where the catalogue translates them.
    /// </summary>
    public async Task<CaseListChoices> ChoicesAsync(
        StaffCaller caller,
        string? culture,
        CancellationToken cancellationToken)
    {
        StaffScope? scope = await scopes.ForAsync(caller, cancellationToken);
        if (scope is null)
        {
            return new CaseListChoices([], []);
        }

        var departments = await scope.Departments(db.Departments).OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(cancellationToken);
        Guid[] ids = departments.Select(d => d.Id).ToArray();
        var services = await db.Services.Where(s => ids.Contains(s.DepartmentId))
            .Select(s => new { s.Code, s.Name }).ToListAsync(cancellationToken);
        Translations texts = await Translations.LoadAsync(
            db, scope.JurisdictionId, culture ?? string.Empty, cancellationToken,
            [.. departments.Select(d => CatalogTextKeys.DepartmentName(d.Code)),
                .. services.Select(s => CatalogTextKeys.ServiceName(s.Code))]);
        StringComparer byName = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        return new CaseListChoices(
            departments.Select(d => (d.Code, texts.Get(CatalogTextKeys.DepartmentName(d.Code), d.Name))).ToList(),
            services.Select(s => (s.Code, texts.Get(CatalogTextKeys.ServiceName(s.Code), s.Name)))
                .OrderBy(s => s.Item2, byName).ThenBy(s => s.Code, StringComparer.Ordinal).ToList());
    }

    private async Task<(IQueryable<Case>? Cases, Error? Error)> FilterAsync(
        StaffScope scope,
        CaseListQuery query,
        DateTimeZone zone,
        CancellationToken cancellationToken)
    {
        IQueryable<Case> cases = SlaFilters.Apply(scope.Cases(db.Cases.AsNoTracking()), db.CaseSlaClocks, query.Sla);
        if (query.DepartmentCode is string departmentCode)
        {
            Guid? departmentId = await scope.Departments(db.Departments).Where(d => d.Code == departmentCode)
                .Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);
            if (departmentId is null)
            {
                return (null,
                    ValidationFailed.Single("department", "unknown", "No department you work in has this code."));
            }

            cases = cases.Where(c => c.DepartmentId == departmentId.Value);
        }

        if (query.ServiceCode is string serviceCode)
        {
            Guid jurisdictionId = scope.JurisdictionId;
            Guid? serviceId = await db.Services.Where(s => s.JurisdictionId == jurisdictionId && s.Code == serviceCode)
                .Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken);
            if (serviceId is null)
            {
                return (null, ValidationFailed.Single("service", "unknown", "No service has this code."));
            }

            cases = cases.Where(c => c.ServiceId == serviceId.Value);
        }

        return (CaseListFilters.Apply(cases, query, zone, scope.UserId), null);
    }

    private async Task<ViewerZone> ZoneAsync(StaffScope scope, CancellationToken cancellationToken)
    {
        string zoneId = await db.Jurisdictions.Where(j => j.Id == scope.JurisdictionId)
            .Select(j => j.TimeZoneId).SingleAsync(cancellationToken);
        return StaffTimeZones.Resolve(scope.TimeZoneId, zoneId);
    }

    private static IOrderedQueryable<T> Order<T, TKey>(
        IQueryable<T> rows,
        System.Linq.Expressions.Expression<Func<T, TKey>> key,
        bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    private sealed class CaseRow
    {
        public required Case Case { get; init; }

        public required string ServiceCode { get; init; }

        public required string ServiceName { get; init; }

        public required string DepartmentCode { get; init; }

        public string? Assignee { get; init; }
    }
}
