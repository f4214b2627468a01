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

/// <summary>Lists the keys of every jurisdiction, or of one, oldest first.</summary>
public sealed class ListApiKeysHandler(CivicDeskDbContext db)
{
    public async Task<IReadOnlyList<ApiKeySummary>> HandleAsync(
        string? jurisdictionCode,
        CancellationToken cancellationToken)
    {
        List<ApiKeySummary> keys = await (
            from key in db.ApiKeys.AsNoTracking()
            join jurisdiction in db.Jurisdictions on key.JurisdictionId equals jurisdiction.Id
            where jurisdictionCode == null || jurisdiction.Code == jurisdictionCode
            select new ApiKeySummary(key.Prefix, key.Name, jurisdiction.Code, key.CreatedAt, key.RevokedAt))
            .ToListAsync(cancellationToken);
        return [.. keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Prefix, StringComparer.Ordinal)];
    }
}
