using System.Text.Json;
using NodaTime;

namespace CivicDesk.Core.CaseTypes;

/// <summary>
/// One published version of a case type, kept whole: its YAML as published, the hash of its meaning, and the
/// services whose new cases it takes. Published versions are never changed; a change is a new version.
/// </summary>
public sealed class CaseTypeVersion
{
    private CaseTypeVersion()
    {
        Key = string.Empty;
        ContentHash = string.Empty;
        Content = string.Empty;
        Files = "{}";
        PublishedBy = string.Empty;
    }

    internal CaseTypeVersion(Guid id, Guid jurisdictionId, CaseTypePublication publication, Instant publishedAt)
    {
        Id = id;
        JurisdictionId = jurisdictionId;
        Key = publication.Key;
        Version = publication.Version;
        ContentHash = publication.ContentHash;
        Content = publication.Content;
        Files = JsonSerializer.Serialize(publication.Files);
        ServiceCodes = publication.ServiceCodes is null ? null : JsonSerializer.Serialize(publication.ServiceCodes);
        PublishedAt = publishedAt;
        PublishedBy = publication.Actor.Label;
    }

    public Guid Id { get; private set; }

    public Guid JurisdictionId { get; private set; }

    public string Key { get; private set; }

    public int Version { get; private set; }

    /// <summary>SHA-256 of the case type's canonical form, as the workflow library computes it.</summary>
    public string ContentHash { get; private set; }

    public string Content { get; private set; }

    /// <summary>A JSON object of the files the case type was loaded with, so the version loads without them.</summary>
    public string Files { get; private set; }

    /// <summary>A JSON array of the service codes this version takes, or null for every service.</summary>
    public string? ServiceCodes { get; private set; }

    public Instant PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }

    public PinnedCaseType Pin => new(Key, Version, ContentHash);
}

/// <summary>
/// How a case type version applies to a service; a type that names the service wins over one for every service.
/// </summary>
public enum CaseTypeMatch
{
    None,
    EveryService,
    Named,
}

/// <summary>The case type version a case was started with and is worked by.</summary>
public sealed record PinnedCaseType(string Key, int Version, string ContentHash)
{
    public override string ToString() => $"{Key} v{Version}";
}

/// <summary>
/// What choosing a version for a new case needs: its pin and the services it takes, read once when the cache
/// loads rather than on every request.
/// </summary>
internal sealed record CaseTypeHead(string Key, int Version, string ContentHash, string[]? ServiceCodes)
{
    public static CaseTypeHead Read(string key, int version, string contentHash, string? serviceCodes) =>
        new(key, version, contentHash,
            serviceCodes is null ? null : JsonSerializer.Deserialize<string[]>(serviceCodes) ?? []);

    public CaseTypeMatch Matches(string serviceCode) => ServiceCodes switch
    {
        null => CaseTypeMatch.EveryService,
        var codes when codes.Contains(serviceCode, StringComparer.Ordinal) => CaseTypeMatch.Named,
        _ => CaseTypeMatch.None,
    };
}
