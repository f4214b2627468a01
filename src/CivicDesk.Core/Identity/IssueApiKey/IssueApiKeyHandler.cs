using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Identity.IssueApiKey;

/// <summary>
/// Creates an API key: a random secret of which only the hash is stored, and an audit entry naming the key's
/// prefix and holder (never the secret), in one transaction.
/// </summary>
public sealed class IssueApiKeyHandler(CivicDeskDbContext db, TimeProvider time, ILogger<IssueApiKeyHandler> logger)
{
    public const int MaxNameLength = 200;
    private const int PrefixAttempts = 5;

    public async Task<Result<IssuedApiKey>> HandleAsync(IssueApiKey command, CancellationToken cancellationToken)
    {
        string name = command.Name.Trim();
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return ValidationFailed.Single(
                "name", "invalid", $"Give the key holder's name, at most {MaxNameLength} characters.");
        }

        string code = command.JurisdictionCode.Trim();
        Guid? jurisdictionId = await db.Jurisdictions.Where(j => j.Code == code)
            .Select(j => (Guid?)j.Id).SingleOrDefaultAsync(cancellationToken);
        if (jurisdictionId is not Guid jurisdiction)
        {
            // Named as the option it came from, like the other refusals of the command line; the codes are
            // listed because the Open311 jurisdiction_id (nyc.gov) is easily taken for the code (nyc).
            List<string> codes = await db.Jurisdictions.OrderBy(j => j.Code).Select(j => j.Code)
                .ToListAsync(cancellationToken);
            return ValidationFailed.Single(
                "jurisdiction", "not_found", $"No jurisdiction has this code; use one of: {string.Join(", ", codes)}.");
        }

        (string key, string prefix) = await GenerateUniqueAsync(cancellationToken);
        Instant now = time.GetCurrentInstant();
        ApiKey apiKey = new(time.NewId(), jurisdiction, name, prefix, ApiKeySecrets.Hash(key), now);
        db.ApiKeys.Add(apiKey);
        db.AuditEntries.Add(new AuditEntry(time.NewId(), now, command.Actor, "apikey.issued", "api_key", apiKey.Id)
        {
            Detail = JsonSerializer.Serialize(new { prefix, name, jurisdiction = code }),
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.ApiKeyIssued(logger, apiKey.Id, prefix);
        return new IssuedApiKey(apiKey.Id, prefix, name, key);
    }

    private async Task<(string Key, string Prefix)> GenerateUniqueAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            (string key, string prefix) = ApiKeySecrets.Generate();
            bool taken = await db.ApiKeys.AnyAsync(k => k.Prefix == prefix, cancellationToken);
            if (!taken || attempt == PrefixAttempts)
            {
                // After five collisions of a 40-bit prefix something else is wrong; the unique index refuses
                // the insert rather than letting two keys share a prefix.
                return (key, prefix);
            }
        }
    }
}
