using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Web.Open311.Common;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Web.Open311.Requests;

/// <summary>
/// Which requests a <c>GET requests</c> call asks for. With <see cref="References"/> every other filter is
/// ignored, as the spec says. <see cref="Open"/> is null for every status.
/// </summary>
internal sealed record RequestFilter(
    IReadOnlyList<string>? References,
    IReadOnlyList<string> ServiceCodes,
    Instant From,
    Instant To,
    bool? Open);

/// <summary>
/// Reads cases as public Open311 requests: the case joined with its service and department, never its contact.
/// Ordered newest first, then by id, so that pages do not overlap or skip while the data stays the same.
/// <c>media_url</c> is the partner's link, or for a request sent with photos the first photo's public copy.
/// </summary>
internal sealed class RequestQueries(CivicDeskDbContext db)
{
    public async Task<IReadOnlyList<RequestView>> PageAsync(
        Jurisdiction jurisdiction,
        RequestFilter filter,
        int skip,
        int take,
        PublicSite site,
        CancellationToken cancellationToken)
    {
        IQueryable<Case> cases = db.Cases.AsNoTracking().Where(c => c.JurisdictionId == jurisdiction.Id);
        if (filter.References is { } references)
        {
            string[] candidates = Candidates(references);
            cases = cases.Where(c => candidates.Contains(c.Reference));
        }
        else
        {
            cases = cases.Where(c => c.CreatedAt >= filter.From && c.CreatedAt <= filter.To);
            if (filter.ServiceCodes.Count > 0)
            {
                string[] codes = [.. filter.ServiceCodes];
                List<Guid> serviceIds = await db.Services
                    .Where(s => s.JurisdictionId == jurisdiction.Id && codes.Contains(s.Code))
                    .Select(s => s.Id).ToListAsync(cancellationToken);
                cases = cases.Where(c => serviceIds.Contains(c.ServiceId));
            }

            if (filter.Open is bool open)
            {
                CaseStatus[] statuses = [.. Enum.GetValues<CaseStatus>().Where(s => s.IsOpen() == open)];
                cases = cases.Where(c => statuses.Contains(c.Status));
            }
        }

        List<RequestRow> rows = await Project(cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id))
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        DateTimeZone zone = DateTimeZoneProviders.Tzdb[jurisdiction.TimeZoneId];
        return [.. rows.Select(row => row.ToView(zone, site))];
    }

    public async Task<RequestView?> FindAsync(
        Jurisdiction jurisdiction,
        string serviceRequestId,
        PublicSite site,
        CancellationToken cancellationToken)
    {
        string[] candidates = Candidates([serviceRequestId]);
        RequestRow? row = await Project(db.Cases.AsNoTracking()
                .Where(c => c.JurisdictionId == jurisdiction.Id && candidates.Contains(c.Reference)))
            .FirstOrDefaultAsync(cancellationToken);
        return row?.ToView(DateTimeZoneProviders.Tzdb[jurisdiction.TimeZoneId], site);
    }

    /// <summary>The reference of the case with this opaque id, if it belongs to the jurisdiction.</summary>
    public Task<string?> FindReferenceAsync(Guid jurisdictionId, Guid caseId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId && c.JurisdictionId == jurisdictionId)
            .Select(c => c.Reference)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>An id as sent and as a person may have typed a reference number (case, spaces, O for 0).</summary>
    private static string[] Candidates(IEnumerable<string> ids) =>
        [.. ids.SelectMany(id => new[] { id, ReferenceNumbers.Normalize(id) }).Distinct(StringComparer.Ordinal)];

    private IQueryable<RequestRow> Project(IQueryable<Case> cases) =>
        from c in cases
        join s in db.Services on c.ServiceId equals s.Id
        join d in db.Departments on c.DepartmentId equals d.Id
        select new RequestRow(
            c.Reference, c.Status, c.StatusNote, s.Name, s.Code, c.Description, d.Name,
            c.CreatedAt, c.UpdatedAt, c.ClosedAt, c.ExpectedAt,
            c.Address, c.AddressId, c.ZipCode, c.Latitude, c.Longitude, c.MediaUrl,
            db.CaseAttachments.Where(a => a.CaseId == c.Id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .Select(a => (Guid?)a.Id).FirstOrDefault());

    private sealed record RequestRow(
        string Reference,
        CaseStatus Status,
        string? StatusNote,
        string ServiceName,
        string ServiceCode,
        string? Description,
        string DepartmentName,
        Instant CreatedAt,
        Instant UpdatedAt,
        Instant? ClosedAt,
        Instant? ExpectedAt,
        string? Address,
        string? AddressId,
        string? ZipCode,
        double? Latitude,
        double? Longitude,
        string? MediaUrl,
        Guid? FirstPhotoId)
    {
        public RequestView ToView(DateTimeZone zone, PublicSite site)
        {
            bool open = Status.IsOpen();

            // The spec: for a closed request, updated_datetime is when it was closed.
            Instant updated = !open && ClosedAt is Instant closed ? closed : UpdatedAt;
            return new RequestView(
                Reference, open ? "open" : "closed", StatusNote, ServiceName, ServiceCode, Description,
                DepartmentName, null, Open311Dates.Format(CreatedAt, zone), Open311Dates.Format(updated, zone),
                ExpectedAt is Instant expected ? Open311Dates.Format(expected, zone) : null,
                Address, AddressId, ZipCode, Latitude, Longitude,
                MediaUrl ?? (FirstPhotoId is Guid photo ? site.Photo(Reference, photo) : null));
        }
    }
}
