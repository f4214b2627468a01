using CivicDesk.Web.Errors;
using CivicDesk.Web.Portal.Shared;
using CivicDesk.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicDesk.Web.Portal.NotFound;

/// <summary>
/// What answers an address no endpoint matches. Without these, the fallback authorization policy would send
/// every mistyped public link to the staff sign-in page. Public addresses get the portal's 404 page; the
/// workspace keeps asking for sign-in first, then shows its own not-found page; the staff API answers
/// problem details.
/// </summary>
public static class UnknownAddresses
{
    public static IEndpointRouteBuilder MapUnknownAddresses(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback("{**path}", PublicPage).AllowAnonymous().ExcludeFromDescription();

        // A bare 404: for reads the workspace's status-code pages render its not-found page in its layout.
        endpoints.MapFallback("/staff/{**path}", () => TypedResults.NotFound())
            .RequireAuthorization(StaffPolicies.Account)
            .ExcludeFromDescription();
        endpoints.MapFallback("/api/{**path}", Api)
            .RequireAuthorization(StaffPolicies.Staff)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static RazorComponentResult<PortalDocument> PublicPage() =>
        PortalPage.Render<PageNotFound>(StatusCodes.Status404NotFound, []);

    /// <summary>
    /// A route of the API called with another method answers 405 naming the methods it takes; a case address
    /// whose id is not a UUID names the <c>id</c> parameter (the routes only match UUIDs); anything else is an
    /// unknown resource.
    /// </summary>
    private static ProblemHttpResult Api(HttpContext context, RouteMethods routes)
    {
        IReadOnlyList<string> allowed = routes.At(context);
        if (allowed.Count > 0)
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
            return ProblemResults.MethodNotAllowed(context.Request.Method, allowed);
        }

        string[] segments = (context.Request.Path.Value ?? string.Empty)
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        bool caseAddress = segments.Length >= 4
            && string.Equals(segments[1], "v1", StringComparison.Ordinal)
            && string.Equals(segments[2], "cases", StringComparison.Ordinal);
        return caseAddress && !Guid.TryParse(segments[3], out _)
            ? ProblemResults.Malformed("id", "The case id must be a UUID, such as the id the case list gives.")
            : ProblemResults.UnknownAddress();
    }
}
