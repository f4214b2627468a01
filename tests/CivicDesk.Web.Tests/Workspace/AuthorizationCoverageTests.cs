using CivicDesk.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Workspace;

public sealed class AuthorizationCoverageTests(SqliteWebApp app) : IClassFixture<SqliteWebApp>
{
    /// <summary>
    /// The endpoints reviewed as public. Adding one here is a decision: say why in the same change.
    /// </summary>
    private static readonly HashSet<string> ReviewedAnonymous = new(StringComparer.Ordinal)
    {
        "/",                                // the portal's home page
        "/healthz",                         // load balancer probe, says only Healthy or Unhealthy
        "/openapi/{documentName}.json",     // the published API description
        "/culture/{culture}",               // language switch cookie
        "/staff/sign-in",                   // the door to the workspace

        // The resident portal: residents need no account. Tracking shows only the public timeline.
        "/services",
        "/services/{code}/new",
        "/services/{code}/requests",
        "/requests/{reference}/submitted",
        "/requests/{reference}",
        "/requests/{reference}/photos/{photoId:guid}",
        "/track",

        // Open311 GeoReport v2 is public by the standard; POST requests checks its api_key itself.
        "/open311/v2/discovery.{format}",
        "/open311/v2/services.{format}",
        "/open311/v2/services/{service_code}.{format}",
        "/open311/v2/requests.{format}",
        "/open311/v2/requests/{service_request_id}.{format}",
        "/open311/v2/tokens/{token}.{format}",
        "/open311/{**rest}",                // answers unknown Open311 paths with the standard's error list

        // Any other unmatched address: the portal's 404 page (the workspace and the API have their own).
        "/{**path}",
    };

    /// <summary>
    /// Framework endpoints that carry no application data and cannot take metadata from our code; they stay
    /// under the fallback policy (any signed-in user).
    /// </summary>
    private static readonly HashSet<string> ReviewedFramework = new(StringComparer.Ordinal)
    {
        "/_framework/opaque-redirect",      // Blazor's redirect helper for interactive rendering
    };

    [Fact]
    public void EveryEndpoint_NamesAPolicyOrRoleOrIsAReviewedAnonymousOne()
    {
        app.RequireDatabase();
        EndpointDataSource source = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        List<RouteEndpoint> endpoints = source.Endpoints.OfType<RouteEndpoint>().ToList();
        List<string> problems = [];
        foreach (RouteEndpoint endpoint in endpoints)
        {
            string route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            bool anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            bool named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles));
            if (anonymous && !ReviewedAnonymous.Contains(route))
            {
                problems.Add($"{route} allows anonymous use but is not in the reviewed list");
            }
            else if (!anonymous && !named && !ReviewedFramework.Contains(route))
            {
                problems.Add($"{route} names no policy or role");
            }
        }

        Assert.True(endpoints.Count > 10, $"Only {endpoints.Count} endpoints were found.");
        Assert.Empty(problems);
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/cases/{id:guid}/status");
    }
}
