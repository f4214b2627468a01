using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Identity.ListApiKeys;

/// <summary>One key as an operator sees it: never the secret, never its hash.</summary>
public sealed record ApiKeySummary(
    string Prefix,
    string Name,
    string JurisdictionCode,
    Instant CreatedAt,
    Instant? RevokedAt);

/// <summary>
/// Lists the keys of every jurisdiction, or of one, oldest first. An unknown jurisdiction code is refused rather
/// than answered with an empty list, which would read as "no keys".
/// </summary>
public sealed class ListApiKeysHandler(CivicDeskDbContext db)
{
    public async Task<Result<ApiKeySummary[]>> HandleAsync(
        string? jurisdictionCode,
        CancellationToken cancellationToken)
    {
        jurisdictionCode = jurisdictionCode?.Trim();
        if (jurisdictionCode is not null
            && !await db.Jurisdictions.AnyAsync(j => j.Code == jurisdictionCode, cancellationToken))
        {
            List<string> codes = await db.Jurisdictions.OrderBy(j => j.Code).Select(j => j.Code)
                .ToListAsync(cancellationToken);
            return ValidationFailed.Single(
                "jurisdiction", "not_found", $"No jurisdiction has this code; use one of: {string.Join(", ", codes)}.");
        }

        List<ApiKeySummary> keys = await (
            from key in db.ApiKeys.AsNoTracking()
            join jurisdiction in db.Jurisdictions on key.JurisdictionId equals jurisdiction.Id
            where jurisdictionCode == null || jurisdiction.Code == jurisdictionCode
            select new ApiKeySummary(key.Prefix, key.Name, jurisdiction.Code, key.CreatedAt, key.RevokedAt))
            .ToListAsync(cancellationToken);
        return keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Prefix, StringComparer.Ordinal).ToArray();
    }
}
