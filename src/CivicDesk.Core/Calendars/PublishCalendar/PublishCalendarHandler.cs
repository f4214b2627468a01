using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Calendars.PublishCalendar;

/// <summary>
/// Publishes a checked business calendar version for a jurisdiction, then evaluates again the SLA clocks of the
/// open cases that count on it, since clocks always use a calendar's latest version. The same version with the
/// same content again changes nothing; the same number with other content, or a number not above the latest,
/// is refused.
/// </summary>
public sealed class PublishCalendarHandler(
    CivicDeskDbContext db,
    CatalogCache catalog,
    SlaRecomputation recomputation,
    TimeProvider time,
    ILogger<PublishCalendarHandler> logger)
{
    public async Task<Result<PublishedCalendar>> HandleAsync(
        string jurisdictionCode,
        CalendarPublication publication,
        CancellationToken cancellationToken)
    {
        Guid? jurisdictionId = await db.Jurisdictions.Where(j => j.Code == jurisdictionCode)
            .Select(j => (Guid?)j.Id).SingleOrDefaultAsync(cancellationToken);
        if (jurisdictionId is null)
        {
            return new NotFound($"Jurisdiction '{jurisdictionCode}'");
        }

        return await PublishAsync(jurisdictionId.Value, publication, cancellationToken);
    }

    /// <summary>
    /// For a case type's publication: publishes each calendar of its bundle whose version is above the latest
    /// published (or the first of its key); others are left as they are, since clocks use the latest anyway.
    /// </summary>
    public async Task PublishNewAsync(
        Guid jurisdictionId,
        IEnumerable<CalendarPublication> bundle,
        CancellationToken cancellationToken)
    {
        foreach (CalendarPublication publication in bundle)
        {
            int latest = await db.Calendars
                .Where(c => c.JurisdictionId == jurisdictionId && c.Key == publication.Key)
                .MaxAsync(c => (int?)c.Version, cancellationToken) ?? 0;
            if (publication.Version > latest)
            {
                await PublishAsync(jurisdictionId, publication, cancellationToken);
            }
        }
    }

    private async Task<Result<PublishedCalendar>> PublishAsync(
        Guid jurisdictionId,
        CalendarPublication publication,
        CancellationToken cancellationToken)
    {
        var published = await db.Calendars.AsNoTracking()
            .Where(c => c.JurisdictionId == jurisdictionId && c.Key == publication.Key)
            .Select(c => new { c.Id, c.Version, c.ContentHash, c.RecomputedAt })
            .ToListAsync(cancellationToken);
        int latest = published.Count == 0 ? 0 : published.Max(c => c.Version);
        if (published.Find(c => c.Version == publication.Version) is { } same)
        {
            if (same.ContentHash != publication.ContentHash)
            {
                return ValidationFailed.Single("version", "already_published",
                    $"Version {publication.Version} of calendar {publication.Key} is published with other content; "
                    + $"publish the change as version {latest + 1}.");
            }

            // The latest version whose recompute did not finish: evaluating again is safe (a case already done
            // comes out the same and is not written), so publishing it again finishes the job.
            SlaRecomputed resumed = same.RecomputedAt is null && same.Version == latest
                ? await RecomputeAsync(jurisdictionId, same.Id, publication, cancellationToken)
                : new SlaRecomputed(0, 0);
            return new PublishedCalendar(
                publication.Key, publication.Version, publication.ContentHash, true, resumed.Cases,
                resumed.DeadlinesMoved, RecomputeResumed: same.RecomputedAt is null && same.Version == latest);
        }

        if (publication.Version <= latest)
        {
            return ValidationFailed.Single("version", "not_above_latest",
                $"Version {publication.Version} of calendar {publication.Key} is not above the latest published, "
                + $"{latest}.");
        }

        Instant now = time.GetCurrentInstant();
        CalendarVersion version = new(time.NewId(), jurisdictionId, publication, now);
        db.Calendars.Add(version);
        db.AuditEntries.Add(new AuditEntry(
            time.NewId(), now, publication.Actor, "calendar.published", "calendar", version.Id)
        {
            Detail = JsonSerializer.Serialize(new
            {
                key = publication.Key,
                version = publication.Version,
                contentHash = publication.ContentHash,
            }),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        catalog.Clear();
        Cases.Log.CalendarPublished(logger, publication.Key, publication.Version);

        SlaRecomputed recomputed = await RecomputeAsync(jurisdictionId, version.Id, publication, cancellationToken);
        return new PublishedCalendar(
            publication.Key, publication.Version, publication.ContentHash, false, recomputed.Cases,
            recomputed.DeadlinesMoved);
    }

    /// <summary>
    /// Evaluates the open cases' clocks on the version, then records that it finished. A failure leaves the mark
    /// unset: the version is published, and publishing it again resumes the evaluation.
    /// </summary>
    private async Task<SlaRecomputed> RecomputeAsync(
        Guid jurisdictionId,
        Guid versionId,
        CalendarPublication publication,
        CancellationToken cancellationToken)
    {
        SlaRecomputed recomputed = await recomputation.RecomputeAsync(
            jurisdictionId, publication.Key, publication.Version, SlaRecomputation.DefaultBatchSize, cancellationToken);
        Cases.Log.SlaClocksRecomputed(
            logger, recomputed.Cases, publication.Key, publication.Version, recomputed.DeadlinesMoved);
        CalendarVersion version = await db.Calendars.SingleAsync(c => c.Id == versionId, cancellationToken);
        version.Recomputed(time.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return recomputed;
    }
}

/// <summary>
/// A calendar version as published, and what publishing it did to open cases' clocks. <c>RecomputeResumed</c>: the
/// version was published before, but the evaluation of open cases its publication started had not finished, and
/// this publication ran it again.
/// </summary>
public sealed record PublishedCalendar(
    string Key,
    int Version,
    string ContentHash,
    bool AlreadyPublished,
    int CasesRecomputed,
    int DeadlinesMoved,
    bool RecomputeResumed = false);
