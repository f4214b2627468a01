using CivicDesk.Core.Cases.Photos;

namespace CivicDesk.Core.Cases.SubmitRequest;

/// <summary>
/// A request as any channel delivers it, before validation. Field names in errors use the Open311 names
/// (<c>service_code</c>, <c>lat</c>, <c>attribute[CODE]</c>) so every channel can map them back to its form.
/// </summary>
public sealed record SubmitRequest(
    Guid JurisdictionId,
    string? ServiceCode,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers,
    double? Latitude,
    double? Longitude,
    string? Address,
    string? AddressId,
    string? ZipCode,
    string? Description,
    ResidentContact Contact,
    Channel Channel,
    string? SubmissionKey,
    IReadOnlyList<UploadedPhoto> Photos,
    Actor Actor)
{
    /// <summary>A link to media about the problem (Open311 <c>media_url</c>): an absolute http or https URL.</summary>
    public string? MediaUrl { get; init; }

    /// <summary>
    /// The resident's language (the portal's UI culture, a partner's locale); notifications are written in it.
    /// Null, or a language we do not write in, gives the default.
    /// </summary>
    public string? Language { get; init; }
}

/// <summary>What the resident told us about how to reach them; every part is optional.</summary>
public sealed record ResidentContact(string? FirstName, string? LastName, string? Email, string? Phone)
{
    public static ResidentContact None { get; } = new(null, null, null, null);

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName)
        && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone);
}

/// <summary>
/// The acknowledgement a channel returns once the case is committed.
/// <paramref name="AlreadySubmitted"/> is true when the submission key had been seen before.
/// </summary>
public sealed record SubmitRequestReceipt(Guid CaseId, string Reference, bool AlreadySubmitted);
