using NodaTime;

namespace CivicDesk.Core.Cases.TrackRequest;

/// <summary>A resident's look at one request by its reference number, in one language.</summary>
/// <param name="JurisdictionCode">The jurisdiction's short code, such as <c>nyc</c>.</param>
/// <param name="Reference">The reference as typed: spacing, case and look-alike letters are forgiven, and
/// the numeric keys of imported requests are accepted with or without a hyphen.</param>
/// <param name="Culture">The language of the service name, such as <c>es</c>.</param>
public sealed record TrackRequest(string JurisdictionCode, string Reference, string Culture);

/// <summary>
/// What anyone holding the reference number may see: never the resident's contact details, never
/// internal events, never the names of staff.
/// </summary>
public sealed record PublicRequestView(
    string Reference,
    CaseStatus Status,
    string ServiceCode,
    string ServiceName,
    Instant SubmittedAt,
    string TimeZoneId,
    string? Description,
    string? Address,
    string? ZipCode,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<PublicEventView> Timeline,
    IReadOnlyList<PublicPhotoView> Photos)
{
    /// <summary>
    /// The request came from an earlier system and was flagged there for data quality (see
    /// <see cref="DataQualityFlags"/>): some of what it shows may be inaccurate. Which flag is never said.
    /// </summary>
    public bool ImportedWithDoubts { get; init; }

    /// <summary>
    /// The language of <see cref="Description"/> when it is known, such as <c>en</c> for a request imported
    /// from an English-speaking city's records; null when the resident wrote it in any language.
    /// </summary>
    public string? DescriptionLanguage { get; init; }
}

/// <summary>One public timeline entry. Who acted is told by kind only (resident, staff, partner, system).</summary>
public sealed record PublicEventView(
    Instant At,
    CaseEventKind Kind,
    ActorKind ActorKind,
    CaseStatus? FromStatus,
    CaseStatus? ToStatus,
    string? Text)
{
    /// <summary>The language of <see cref="Text"/> when it is known (<c>en</c> for imported text), else null.</summary>
    public string? TextLanguage { get; init; }
}

/// <summary>A photo sent with the request, as stored: already stripped of location and camera metadata.</summary>
public sealed record PublicPhotoView(Guid Id, string FileName, string ContentType, long Length);

/// <summary>A public photo's bytes, opened for reading; the caller disposes the stream.</summary>
public sealed record PublicPhotoContent(string FileName, string ContentType, Stream Content);
