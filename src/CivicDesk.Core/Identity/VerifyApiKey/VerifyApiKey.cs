namespace CivicDesk.Core.Identity.VerifyApiKey;

/// <summary>A partner's key presented with a write to one jurisdiction.</summary>
/// <param name="Key">The key as sent; null or empty when none was sent.</param>
/// <param name="JurisdictionId">The jurisdiction the partner writes to.</param>
public sealed record VerifyApiKey(string? Key, Guid JurisdictionId);

/// <summary>An active key of the jurisdiction: who the partner is, for the timeline and the audit trail.</summary>
public sealed record VerifiedApiKey(Guid Id, string Name, Guid JurisdictionId);
