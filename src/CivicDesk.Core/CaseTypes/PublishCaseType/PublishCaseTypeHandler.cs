using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Calendars.PublishCalendar;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.CaseTypes.PublishCaseType;

/// <summary>
/// Publishes a validated case type version for a jurisdiction. New cases take it from then on; open cases stay
/// on the version they started with. Publishing the same version with the same content again changes nothing;
/// the same version number with other content, or a number not above the latest, is refused.
/// The calendars in its bundle are published first when their version is new (see
/// <see cref="PublishCalendarHandler.PublishNewAsync"/>).
/// </summary>
public sealed class PublishCaseTypeHandler(
    CivicDeskDbContext db,
    CatalogCache catalog,
    PublishCalendarHandler calendars,
    TimeProvider time,
    ILogger<PublishCaseTypeHandler> logger)
{
    public async Task<Result<PublishedCaseType>> HandleAsync(
        string jurisdictionCode,
        CaseTypePublication publication,
        CancellationToken cancellationToken)
    {
        Guid? jurisdictionId = await db.Jurisdictions.Where(j => j.Code == jurisdictionCode)
            .Select(j => (Guid?)j.Id).SingleOrDefaultAsync(cancellationToken);
        if (jurisdictionId is null)
        {
            return new NotFound($"Jurisdiction '{jurisdictionCode}'");
        }

        List<CaseTypeHead> published = await db.CaseTypeVersions.AsNoTracking()
            .Where(v => v.JurisdictionId == jurisdictionId && v.Key == publication.Key)
            .Select(v => new CaseTypeHead(v.Key, v.Version, v.ContentHash, null))
            .ToListAsync(cancellationToken);
        if (Refusal(published, publication) is { } refused)
        {
            return refused;
        }

        await calendars.PublishNewAsync(jurisdictionId.Value, publication.Calendars(), cancellationToken);
        if (published.Any(v => v.Version == publication.Version))
        {
            return new PublishedCaseType(publication.Key, publication.Version, publication.ContentHash, true);
        }

        Instant now = time.GetCurrentInstant();
        CaseTypeVersion version = new(time.NewId(), jurisdictionId.Value, publication, now);
        db.CaseTypeVersions.Add(version);
        db.AuditEntries.Add(new AuditEntry(
            time.NewId(), now, publication.Actor, "casetype.published", "case_type_version", version.Id)
        {
            Detail = JsonSerializer.Serialize(new
            {
                key = publication.Key,
                version = publication.Version,
                contentHash = publication.ContentHash,
                services = publication.ServiceCodes,
            }),
        });
        await db.SaveChangesAsync(cancellationToken);
        catalog.Clear();
        Cases.Log.CaseTypePublished(logger, publication.Key, publication.Version);
        return new PublishedCaseType(publication.Key, publication.Version, publication.ContentHash, false);
    }

    private static ValidationFailed? Refusal(List<CaseTypeHead> published, CaseTypePublication publication)
    {
        if (published.Find(v => v.Version == publication.Version) is { } same)
        {
            return same.ContentHash == publication.ContentHash
                ? null
                : ValidationFailed.Single(
                    "version",
                    "already_published",
                    $"Version {publication.Version} of {publication.Key} is published with other content; "
                    + $"publish the change as version {published.Max(v => v.Version) + 1}.");
        }

        int latest = published.Count == 0 ? 0 : published.Max(v => v.Version);
        return publication.Version > latest
            ? null
            : ValidationFailed.Single(
                "version",
                "not_above_latest",
                $"Version {publication.Version} of {publication.Key} is not above the latest published, {latest}.");
    }
}

public sealed record PublishedCaseType(string Key, int Version, string ContentHash, bool AlreadyPublished);
