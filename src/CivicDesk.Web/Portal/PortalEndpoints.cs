using CivicDesk.Web.Portal.Requests;
using CivicDesk.Web.Portal.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace CivicDesk.Web.Portal;

/// <summary>
/// The resident portal: server-rendered pages (Razor components under <c>Portal/</c>, found by the router)
/// and the endpoints that are not pages: the request form's POST and the public photos.
/// </summary>
public static class PortalEndpoints
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalOptions>()
            .Bind(configuration.GetSection(PortalOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<PortalCatalog>();
        services.AddScoped<PortalRequests>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder endpoints)
    {
        // Pages that can answer 404 are endpoints rendering a component: the router's pages cannot send
        // a body with a 404 (the renderer leaves it to status-code pages), and these 404s must help.
        endpoints.MapGet("/services/{code}/new", PortalPages.NewRequestAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/requests/{reference}", PortalPages.RequestAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/requests/{reference}/submitted", PortalPages.SubmittedAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();

        // The endpoint checks the antiforgery token itself: the framework's check would answer a bare 400,
        // and a resident whose form was open too long would lose everything typed.
        endpoints.MapPost("/services/{code}/requests", SubmitRequestEndpoint.HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(SubmitRequestEndpoint.MaxBodyBytes))
            .WithFormOptions(multipartBodyLengthLimit: SubmitRequestEndpoint.MaxBodyBytes)
            .ExcludeFromDescription();

        // The form posts here; someone who reloads or bookmarks the address gets the form again.
        endpoints.MapGet(
                "/services/{code}/requests",
                (string code) => Results.Redirect(Shared.Links.NewRequest(code)))
            .AllowAnonymous()
            .ExcludeFromDescription();

        endpoints.MapGet("/requests/{reference}/photos/{photoId:guid}", PhotoEndpoint.HandleAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
