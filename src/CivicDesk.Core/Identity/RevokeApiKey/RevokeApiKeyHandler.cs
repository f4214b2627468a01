using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity.VerifyApiKey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Identity.RevokeApiKey;

/// <summary>
/// Revokes a key and records who did it in the audit trail, in one transaction. Revoking twice changes nothing.
/// </summary>
public sealed class RevokeApiKeyHandler(
    CivicDeskDbContext db,
    ApiKeyCache cache,
    TimeProvider time,
    ILogger<RevokeApiKeyHandler> logger)
{
    public async Task<Result<RevokedApiKey>> HandleAsync(RevokeApiKey command, CancellationToken cancellationToken)
    {
        string prefix = ApiKeySecrets.NormalizePrefix(command.Prefix);
        ApiKey? key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null)
        {
            return new NotFound("API key");
        }

        if (key.RevokedAt is Instant earlier)
        {
            return new RevokedApiKey(key.Id, key.Prefix, key.Name, earlier, AlreadyRevoked: true);
        }

        Instant now = time.GetCurrentInstant();
        key.Revoke(now);
        db.AuditEntries.Add(new AuditEntry(time.NewId(), now, command.Actor, "apikey.revoked", "api_key", key.Id)
        {
            Detail = JsonSerializer.Serialize(new { prefix = key.Prefix, name = key.Name }),
        });
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(key.Prefix);
        Log.ApiKeyRevoked(logger, key.Id);
        return new RevokedApiKey(key.Id, key.Prefix, key.Name, now, AlreadyRevoked: false);
    }
}
