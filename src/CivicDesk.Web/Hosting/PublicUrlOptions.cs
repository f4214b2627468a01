using System.ComponentModel.DataAnnotations;

namespace CivicDesk.Web.Hosting;

/// <summary>
/// The address residents, staff and partners use to reach this deployment, such as
/// <c>https://311.example.gov</c>: the top-level <c>PublicBaseUrl</c> setting. Every absolute URL the
/// product writes (Open311 discovery, the OpenAPI servers, redirects) starts with it; the Host header a
/// client sends is never used for one.
/// </summary>
// Limitation: the URL names an origin only (no path such as /311), because the host serves from the root.
// Serving under a path prefix would need UsePathBase and the prefix in this setting.
public sealed class PublicUrlOptions : IValidatableObject
{
    public const string Key = "PublicBaseUrl";

    /// <summary>The development default: the loopback address of <c>dotnet run</c>.</summary>
    public const string Development = "http://localhost:5080";

    [Required]
    public string PublicBaseUrl { get; set; } = Development;

    /// <summary>
    /// The origin to assume when <c>PublicBaseUrl</c> is not set: the first address the host listens on (the
    /// <c>urls</c> setting, which <c>--urls</c> sets), with a wildcard host read as <c>localhost</c>; null when
    /// there is none or it cannot be read, so that the development default applies.
    /// </summary>
    public static string? FromListenUrls(string? urls)
    {
        string? first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        // Kestrel's wildcards are not valid URI hosts; any of them means every interface, loopback included.
        foreach (string wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return Uri.TryCreate(first, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
    }

    /// <summary>The configured URL as a URI: scheme, host and port.</summary>
    public Uri Origin => new(PublicBaseUrl, UriKind.Absolute);

    /// <summary>An absolute URL of this deployment for a path that starts with '/'.</summary>
    public string Absolute(string path) => Origin.GetLeftPart(UriPartial.Authority) + path;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        bool valid = Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out Uri? uri)
            && uri.Scheme is "http" or "https"
            && uri.UserInfo.Length == 0
            && uri.AbsolutePath == "/"
            && uri.Query.Length == 0
            && uri.Fragment.Length == 0;
        if (!valid)
        {
            yield return new ValidationResult(
                "PublicBaseUrl must be an http or https origin such as https://311.example.gov, with no path, "
                    + "query or user name.",
                [nameof(PublicBaseUrl)]);
        }
    }
}
