using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.CaseTypes;

/// <summary>
/// Finds the case type version a new case of a service starts with: the latest published version of the type
/// that names the service, else of a type published for every service. Read through the catalogue cache, so a
/// version published by another process takes new cases within the cache's lifetime.
/// </summary>
public sealed class CaseTypeResolver(CivicDeskDbContext db, CatalogCache catalog)
{
    public async Task<PinnedCaseType?> ForServiceAsync(
        Guid jurisdictionId,
        string serviceCode,
        CancellationToken cancellationToken)
    {
        List<CaseTypeHead> latest = await catalog.GetOrLoadAsync(
            $"case-types:{jurisdictionId}",
            token => LatestAsync(jurisdictionId, token),
            cancellationToken) ?? [];
        return latest
            .Select(head => (Head: head, Match: head.Matches(serviceCode)))
            .Where(m => m.Match != CaseTypeMatch.None)
            .OrderByDescending(m => m.Match)
            .ThenBy(m => m.Head.Key, StringComparer.Ordinal)
            .Select(m => new PinnedCaseType(m.Head.Key, m.Head.Version, m.Head.ContentHash))
            .FirstOrDefault();
    }

    private async Task<List<CaseTypeHead>?> LatestAsync(Guid jurisdictionId, CancellationToken cancellationToken)
    {
        var all = await db.CaseTypeVersions.AsNoTracking()
            .Where(v => v.JurisdictionId == jurisdictionId)
            .Select(v => new { v.Key, v.Version, v.ContentHash, v.ServiceCodes })
            .ToListAsync(cancellationToken);
        return
        [
            .. all.GroupBy(v => v.Key)
                .Select(g => g.MaxBy(v => v.Version)!)
                .Select(v => CaseTypeHead.Read(v.Key, v.Version, v.ContentHash, v.ServiceCodes)),
        ];
    }
}
