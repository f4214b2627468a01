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
/// The caller has already loaded and checked the publication (<see cref="CaseTypeFiles.Read"/>: a routing or
/// triage rule file that does not load is reported there, with file and line, and gives no publication).
/// An escalation's <c>reassign-to</c> queue that no department of the jurisdiction has is reported (logged and
/// listed in <see cref="PublishedCaseType.UnknownQueues"/>), not refused: queues are added to the catalogue
/// separately, and a firing that finds none records the reassignment as not applied.
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
        List<string> unknownQueues = await UnknownQueuesAsync(jurisdictionId.Value, publication, cancellationToken);
        if (published.Any(v => v.Version == publication.Version))
        {
            return new PublishedCaseType(publication.Key, publication.Version, publication.ContentHash, true)
            {
                UnknownQueues = unknownQueues,
            };
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
        foreach (string queue in unknownQueues)
        {
            Cases.Log.EscalationQueueUnknown(logger, publication.Key, publication.Version, queue);
        }

        return new PublishedCaseType(publication.Key, publication.Version, publication.ContentHash, false)
        {
            UnknownQueues = unknownQueues,
        };
    }

    private async Task<List<string>> UnknownQueuesAsync(
        Guid jurisdictionId,
        CaseTypePublication publication,
        CancellationToken cancellationToken)
    {
        // The version as cases will load it, from its own texts; a text that does not load names no queue.
        Workflow.CaseTypes.CaseType? caseType = CaseTypeFiles.Load(
            $"{publication.Key}.v{publication.Version}.yaml", publication.Content, publication.Files).CaseType;
        List<string> named =
            [.. caseType?.Escalations.Select(e => e.ReassignToQueue).OfType<string>().Distinct() ?? []];
        if (named.Count == 0)
        {
            return [];
        }

        List<string> known = await db.Queues.AsNoTracking()
            .Where(q => named.Contains(q.Code)
                && db.Departments.Any(d => d.Id == q.DepartmentId && d.JurisdictionId == jurisdictionId))
            .Select(q => q.Code)
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. named.Where(code => !known.Contains(code, StringComparer.Ordinal))];
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

public sealed record PublishedCaseType(string Key, int Version, string ContentHash, bool AlreadyPublished)
{
    /// <summary>Queue codes the version's escalations reassign to that no department of the jurisdiction has.</summary>
    public IReadOnlyList<string> UnknownQueues { get; init; } = [];
}
