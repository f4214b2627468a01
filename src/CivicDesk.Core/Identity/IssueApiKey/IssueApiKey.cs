using CivicDesk.Core.Cases;

namespace CivicDesk.Core.Identity.IssueApiKey;

/// <summary>Gives a partner system a key for the Open311 write API of one jurisdiction.</summary>
/// <param name="JurisdictionCode">The jurisdiction's short code, such as <c>nyc</c>.</param>
/// <param name="Name">Who holds the key, such as "FixMyStreet pilot"; shown in lists and the audit trail.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record IssueApiKey(string JurisdictionCode, string Name, Actor Actor);

/// <summary>The new key. <paramref name="Key"/> is the only copy of the secret: show it once, never store it.</summary>
public sealed record IssuedApiKey(Guid Id, string Prefix, string Name, string Key);
