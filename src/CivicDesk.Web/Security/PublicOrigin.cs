using CivicDesk.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CivicDesk.Web.Security;

/// <summary>
/// Treats every request as addressed to <see cref="PublicUrlOptions.PublicBaseUrl"/>: the scheme and host
/// the framework reads when it builds an absolute URL (cookie sign-in redirects, Blazor navigation, the
/// OpenAPI servers) are replaced by the configured ones, so a forged Host header cannot reach a link,
/// a redirect or a cached page. Host filtering (<c>AllowedHosts</c>) still sees the header as sent.
/// </summary>
public static class PublicOrigin
{
    public static IServiceCollection AddPublicOrigin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicUrlOptions>()
            .Configure(o => o.PublicBaseUrl = configuration[PublicUrlOptions.Key]
                ?? PublicUrlOptions.FromListenUrls(configuration["urls"])
                ?? o.PublicBaseUrl)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    public static IApplicationBuilder UsePublicOrigin(this IApplicationBuilder app)
    {
        Uri origin = app.ApplicationServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value.Origin;
        HostString host = HostString.FromUriComponent(origin);
        return app.Use((context, next) =>
        {
            context.Request.Scheme = origin.Scheme;
            context.Request.Host = host;
            return next(context);
        });
    }
}
