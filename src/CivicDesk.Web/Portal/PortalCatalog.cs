using System.Globalization;
using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Common;
using Microsoft.Extensions.Options;

namespace CivicDesk.Web.Portal;

/// <summary>The catalogue of the portal's jurisdiction in the language of the request, read once per request.</summary>
public sealed class PortalCatalog(GetCatalogHandler handler, IOptions<PortalOptions> options)
{
    private CatalogView? _loaded;

    public string JurisdictionCode => options.Value.Jurisdiction;

    /// <summary>The catalogue; empty when the jurisdiction has not been seeded.</summary>
    public async Task<CatalogView> GetAsync(CancellationToken cancellationToken)
    {
        if (_loaded is not null)
        {
            return _loaded;
        }

        GetCatalog query = new(JurisdictionCode, CultureInfo.CurrentUICulture.Name);
        Result<CatalogView> result = await handler.HandleAsync(query, cancellationToken);
        _loaded = result.IsSuccess ? result.Value : new CatalogView(Guid.Empty, string.Empty, "UTC", []);
        return _loaded;
    }
}
