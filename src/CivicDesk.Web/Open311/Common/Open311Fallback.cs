using System.Text.RegularExpressions;

namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// Answers every call under <c>/open311</c> that no route took: a known resource with the wrong method
/// gets 405 and an Allow header, anything else 404, both as the spec's error list.
/// </summary>
// Limitation: requests Kestrel refuses before routing (a NUL in the path, an oversized request line or
// headers) get Kestrel's empty 400, not the error list; only a proxy in front could rewrite those.
internal static partial class Open311Fallback
{
    public static Task HandleAsync(HttpContext httpContext)
    {
        HttpRequest request = httpContext.Request;
        Open311Format format = Open311Formats.Guess(request.Path);
        string path = request.Path.Value ?? string.Empty;
        string? allowed = AllowedMethods(path);
        Open311Errors errors;
        if (allowed is not null)
        {
            httpContext.Response.Headers.Allow = allowed;
            errors = Open311Errors.MethodNotAllowed(
                format, $"method: {Open311Text.Echo(request.Method, 20)} is not supported here; use {allowed}.");
        }
        else
        {
            errors = Open311Errors.NotFound(
                format,
                "path: there is no Open311 resource here; see /open311/v2/discovery.json for the endpoints.");
        }

        return errors.ExecuteAsync(httpContext);
    }

    private static string? AllowedMethods(string path)
    {
        if (RequestsPath().IsMatch(path))
        {
            return "GET, POST";
        }

        return ReadOnlyPath().IsMatch(path) ? "GET" : null;
    }

    [GeneratedRegex(@"^/open311/v2/requests\.[^/]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex RequestsPath();

    [GeneratedRegex(
        @"^/open311/v2/(discovery\.[^/]+|services\.[^/]+|(services|requests|tokens)/[^/]+\.[^/]+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        100)]
    private static partial Regex ReadOnlyPath();
}
