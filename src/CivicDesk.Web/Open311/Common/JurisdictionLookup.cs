using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using NotFound = CivicDesk.Core.Common.NotFound;

namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// Finds the jurisdiction an Open311 call is about. <c>jurisdiction_id</c> may be left out while the
/// deployment serves exactly one jurisdiction, as the spec allows; with several it is required.
/// </summary>
internal sealed class JurisdictionLookup(CivicDeskDbContext db, CatalogCache catalog)
{
    public const string Field = "jurisdiction_id";

    public async Task<Result<Jurisdiction>> FindAsync(string? jurisdictionId, CancellationToken cancellationToken)
    {
        // A deployment serves a handful of jurisdictions, so reading them all is cheaper than an index on
        // a lower-cased column; jurisdiction ids are domain names and compare without regard to case.
        List<Jurisdiction> served = await catalog.GetOrLoadAsync(
            "jurisdictions",
            async token => await db.Jurisdictions.AsNoTracking().ToListAsync(token),
            cancellationToken) ?? [];
        if (jurisdictionId is null)
        {
            return served.Count switch
            {
                1 => served[0],
                0 => new NotFound(Field),
                _ => ValidationFailed.Single(
                    Field, "required", "is required because this endpoint serves several jurisdictions."),
            };
        }

        Jurisdiction? found = served.Find(
            j => string.Equals(j.Open311Id, jurisdictionId, StringComparison.OrdinalIgnoreCase));
        return found is null ? new NotFound($"{Field} '{Open311Text.Echo(jurisdictionId)}'") : found;
    }
}
