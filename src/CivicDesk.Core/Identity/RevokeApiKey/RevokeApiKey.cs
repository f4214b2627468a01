using CivicDesk.Core.Cases;
using NodaTime;

namespace CivicDesk.Core.Identity.RevokeApiKey;

/// <summary>Stops a key from working, at once and for good.</summary>
/// <param name="Prefix">The key's prefix as listed, with or without the <c>cdk_</c> marker.</param>
/// <param name="Actor">Who revokes it.</param>
public sealed record RevokeApiKey(string Prefix, Actor Actor);

/// <summary>The revoked key. <paramref name="AlreadyRevoked"/> is true when it had been revoked before.</summary>
public sealed record RevokedApiKey(Guid Id, string Prefix, string Name, Instant RevokedAt, bool AlreadyRevoked);
