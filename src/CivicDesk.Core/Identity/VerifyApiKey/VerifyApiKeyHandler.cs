using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Identity.VerifyApiKey;

/// <summary>
/// Accepts a key only when it has the shape of a key, its prefix finds a row, its hash matches in constant
/// time, it is not revoked, and it belongs to the jurisdiction written to. Every refusal is a
/// <see cref="Forbidden"/> whose reason names <c>api_key</c>.
/// </summary>
public sealed class VerifyApiKeyHandler(
    CivicDeskDbContext db,
    ApiKeyCache cache,
    ILogger<VerifyApiKeyHandler> logger)
{
    public async Task<Result<VerifiedApiKey>> HandleAsync(VerifyApiKey query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Key))
        {
            return Refuse("missing", "api_key was not provided.");
        }

        string key = query.Key.Trim();
        string? prefix = ApiKeySecrets.PrefixOf(key);
        ApiKey? stored = prefix is null
            ? null
            : await cache.GetOrLoadAsync(
                prefix,
                token => db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, token),
                cancellationToken);
        if (stored is null || !ApiKeySecrets.Matches(key, stored.SecretHash))
        {
            return Refuse("invalid", "api_key is not valid.");
        }

        if (!stored.IsActive)
        {
            return Refuse("revoked", "api_key has been revoked.");
        }

        if (stored.JurisdictionId != query.JurisdictionId)
        {
            return Refuse("other_jurisdiction", "api_key is not valid for this jurisdiction.");
        }

        return new VerifiedApiKey(stored.Id, stored.Name, stored.JurisdictionId);
    }

    private Forbidden Refuse(string reason, string message)
    {
        Log.ApiKeyRefused(logger, reason);
        return new Forbidden(message);
    }
}
