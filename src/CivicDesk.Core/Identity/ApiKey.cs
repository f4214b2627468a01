using NodaTime;

namespace CivicDesk.Core.Identity;

/// <summary>
/// A partner system's key for the Open311 write API. Only a SHA-256 hash of the secret is stored;
/// the prefix finds the row without revealing the secret.
/// </summary>
public sealed class ApiKey
{
    private ApiKey()
    {
        Name = string.Empty;
        Prefix = string.Empty;
        SecretHash = string.Empty;
    }

    public ApiKey(Guid id, Guid jurisdictionId, string name, string prefix, string secretHash, Instant createdAt)
    {
        Id = id;
        JurisdictionId = jurisdictionId;
        Name = name;
        Prefix = prefix;
        SecretHash = secretHash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid JurisdictionId { get; private set; }

    /// <summary>Who holds the key, such as "FixMyStreet pilot".</summary>
    public string Name { get; private set; }

    public string Prefix { get; private set; }

    public string SecretHash { get; private set; }

    public Instant CreatedAt { get; private set; }

    public Instant? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(Instant now) => RevokedAt ??= now;
}
