using System.Globalization;
using CivicDesk.Core.Cases.TrackRequest;
using CivicDesk.Core.Common;
using Microsoft.Extensions.Options;

namespace CivicDesk.Web.Portal.Tracking;

/// <summary>Looks up requests of the portal's jurisdiction in the language of the current request.</summary>
public sealed class PortalRequests(TrackRequestHandler handler, IOptions<PortalOptions> options)
{
    public async Task<PublicRequestView?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        TrackRequest query = new(options.Value.Jurisdiction, reference, CultureInfo.CurrentUICulture.Name);
        Result<PublicRequestView> result = await handler.HandleAsync(query, cancellationToken);
        return result.IsSuccess ? result.Value : null;
    }
}
