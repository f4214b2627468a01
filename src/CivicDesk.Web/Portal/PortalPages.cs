using CivicDesk.Core.Cases.TrackRequest;
using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Web.Portal.Requests;
using CivicDesk.Web.Portal.Shared;
using CivicDesk.Web.Portal.Tracking;

namespace CivicDesk.Web.Portal;

/// <summary>The portal pages that load a record first and answer a helpful 404 page when it does not exist.</summary>
internal static class PortalPages
{
    /// <summary>The request form of one service, with a new submission token each time it is drawn.</summary>
    public static async Task<IResult> NewRequestAsync(
        string code,
        PortalCatalog catalog,
        CancellationToken cancellationToken)
    {
        CatalogView view = await catalog.GetAsync(cancellationToken);
        if (view.Find(code) is not ServiceView service)
        {
            return PortalPage.Render<ServiceNotFound>(StatusCodes.Status404NotFound, new() { ["Code"] = code });
        }

        return PortalPage.Render<RequestForm>(StatusCodes.Status200OK, new()
        {
            ["Service"] = service,
            ["Model"] = RequestFormModel.Blank(),
            ["JurisdictionName"] = view.JurisdictionName,
        });
    }

    /// <summary>The public status of a request found by its reference number.</summary>
    public static Task<IResult> RequestAsync(
        string reference,
        PortalRequests requests,
        CancellationToken cancellationToken) =>
        RenderFoundAsync<RequestStatusView>(reference, requests, cancellationToken);

    /// <summary>The confirmation shown after the form was accepted.</summary>
    public static Task<IResult> SubmittedAsync(
        string reference,
        PortalRequests requests,
        CancellationToken cancellationToken) =>
        RenderFoundAsync<SubmittedView>(reference, requests, cancellationToken);

    private static async Task<IResult> RenderFoundAsync<TView>(
        string reference,
        PortalRequests requests,
        CancellationToken cancellationToken)
        where TView : Microsoft.AspNetCore.Components.IComponent
    {
        PublicRequestView? found = await requests.FindAsync(reference, cancellationToken);
        return found is null
            ? PortalPage.Render<RequestNotFound>(StatusCodes.Status404NotFound, new() { ["Reference"] = reference })
            : PortalPage.Render<TView>(StatusCodes.Status200OK, new() { ["Request"] = found });
    }
}
