using NodaTime;

namespace CivicDesk.Core.Calendars;

/// <summary>
/// One published version of a business calendar of a jurisdiction, kept whole as its YAML. SLA clocks count on
/// the latest version of the calendar they name, so publishing a version moves the deadlines of open cases.
/// Published versions are never changed; a change is a new version.
/// </summary>
public sealed class CalendarVersion
{
    private CalendarVersion()
    {
        Key = string.Empty;
        ContentHash = string.Empty;
        Content = string.Empty;
        PublishedBy = string.Empty;
    }

    internal CalendarVersion(
        Guid id,
        Guid jurisdictionId,
        CalendarPublication publication,
        Instant publishedAt)
    {
        Id = id;
        JurisdictionId = jurisdictionId;
        Key = publication.Key;
        Version = publication.Version;
        ContentHash = publication.ContentHash;
        Content = publication.Content;
        PublishedAt = publishedAt;
        PublishedBy = publication.Actor.Label;
    }

    public Guid Id { get; private set; }

    public Guid JurisdictionId { get; private set; }

    /// <summary>The calendar's id as case types name it, such as <c>nyc-business</c>.</summary>
    public string Key { get; private set; }

    public int Version { get; private set; }

    /// <summary>SHA-256 of the calendar's canonical form, as the workflow library computes it.</summary>
    public string ContentHash { get; private set; }

    public string Content { get; private set; }

    public Instant PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }

    /// <summary>
    /// When the clocks of the open cases were last evaluated on this version to the end; null while that has not
    /// finished (the recompute failed or the process stopped), so that publishing the same version again resumes
    /// it.
    /// </summary>
    public Instant? RecomputedAt { get; private set; }

    internal void Recomputed(Instant at) => RecomputedAt = at;
}
