using CivicDesk.Web.Open311.Common;
using CivicDesk.Web.Open311.Discovery;
using CivicDesk.Web.Open311.Requests;
using CivicDesk.Web.Open311.Services;
using CivicDesk.Web.Open311.Tokens;

namespace CivicDesk.Web.Open311;

/// <summary>The Open311 GeoReport v2 API under <c>/open311/v2</c>: registration and routes.</summary>
public static class Open311Endpoints
{
    public const string RootPath = "/open311";
    public const string BasePath = "/open311/v2";

    public static IServiceCollection AddOpen311(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Open311Options>().Bind(configuration.GetSection(Open311Options.SectionName));
        services.AddScoped<JurisdictionLookup>();
        services.AddScoped<RequestQueries>();
        services.AddSingleton<DiscoveryChangeset>();

        // Registered before the host's handler so that Open311 routes answer with the spec's error list.
        services.AddExceptionHandler<Open311ExceptionHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        // Every Open311 route is public, as the spec wants: reads need no key, and POST requests checks its
        // api_key itself so that a missing or bad key gets the spec's 403 error list, not a sign-in redirect.
        // Partners post with a key rather than a cookie, so antiforgery tokens do not apply.
        RouteGroupBuilder v2 = app.MapGroup(BasePath).AllowAnonymous().DisableAntiforgery().WithTags("Open311");
        v2.MapGet("discovery.{format}", GetDiscovery.Handle)
            .WithSummary("Service discovery")
            .WithDescription("Where the GeoReport v2 endpoint is, which formats it speaks, and how to get a key.");
        v2.MapGet("services.{format}", GetServices.HandleAsync)
            .WithSummary("Service list")
            .WithDescription("The active services of the jurisdiction, by rank. jurisdiction_id is optional "
                + "while the deployment serves one jurisdiction.");
        v2.MapGet("services/{service_code}.{format}", GetServiceDefinition.HandleAsync)
            .WithSummary("Service definition")
            .WithDescription("The service's questions as attributes, with the allowed values of list questions.");
        v2.MapPost("requests.{format}", PostRequest.HandleAsync)
            .Produces<Open311ErrorItem[]>(StatusCodes.Status403Forbidden, "application/json", "text/xml")
            .WithSummary("Create a service request")
            .WithDescription("Form-encoded (application/x-www-form-urlencoded, UTF-8). Requires api_key. "
                + "Fields: jurisdiction_id, service_code, lat+long or address_string or address_id, zipcode, "
                + "attribute[CODE] or attribute[CODE][] answers, and optional email, first_name, last_name, "
                + "phone, description, media_url, device_id, account_id. Answers 201 with the "
                + "service_request_id once the case is stored.");
        v2.MapGet("requests.{format}", GetRequests.HandleAsync)
            .WithSummary("Service requests")
            .WithDescription("Filters: service_request_id (comma list; overrides the others), service_code "
                + "(comma list), start_date and end_date (W3C with offset; at most 90 days apart; default the "
                + "last 90 days), status (open, closed). Paging: page (from 1) and page_size (1 to 1000, "
                + "default 1000). Newest first.");
        v2.MapGet("requests/{service_request_id}.{format}", GetRequest.HandleAsync)
            .WithSummary("One service request")
            .WithDescription("The request with this service_request_id, as a list of one.");
        v2.MapGet("tokens/{token}.{format}", GetToken.HandleAsync)
            .WithSummary("Service request id from a token")
            .WithDescription("CivicDesk returns ids at once and issues no tokens of its own; a token here is "
                + "the case's opaque id (a UUID) and resolves to its service_request_id.");

        app.Map(RootPath + "/{**rest}", Open311Fallback.HandleAsync).AllowAnonymous().DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }

    internal static bool IsOpen311Path(PathString path) =>
        path.StartsWithSegments(RootPath, StringComparison.OrdinalIgnoreCase);

    internal static Open311Errors UnknownFormat(string format) =>
        Open311Errors.BadRequest(
            format.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? Open311Format.Xml : Open311Format.Json,
            $"format: '{Open311Text.Echo(format)}' is not supported; end the path in .json or .xml.");
}
