using CivicDesk.Web.Portal.Shared;

namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// Where the public reaches this deployment, for absolute links in Open311 answers: the configured
/// <see cref="Open311Options.PublicUrl"/> without its <c>/open311/v2</c>, or else the request's scheme, host
/// and base path, which <see cref="Security.PublicOrigin"/> has already set from <c>PublicBaseUrl</c>.
/// </summary>
internal sealed record PublicSite(string Root)
{
    public static PublicSite From(HttpRequest request, Open311Options options)
    {
        if (options.PublicUrl is { Length: > 0 } configured)
        {
            string url = configured.TrimEnd('/');
            return new PublicSite(url.EndsWith(Open311Endpoints.BasePath, StringComparison.OrdinalIgnoreCase)
                ? url[..^Open311Endpoints.BasePath.Length]
                : url);
        }

        return new PublicSite($"{request.Scheme}://{request.Host}{request.PathBase}");
    }

    /// <summary>The public copy (metadata removed) of a photo sent with a request, as the portal serves it.</summary>
    public string Photo(string reference, Guid photoId) => Root + Links.Photo(reference, photoId);
}
