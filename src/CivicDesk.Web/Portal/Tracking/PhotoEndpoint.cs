using System.Net.Mime;
using CivicDesk.Core.Cases.TrackRequest;
using CivicDesk.Core.Common;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CivicDesk.Web.Portal.Tracking;

/// <summary>
/// Serves a photo of a request to anyone holding its reference number. The stored copy has no location
/// or camera metadata; it is sent with its stored type, never sniffed, shown inline under a safe name,
/// and sandboxed so that a file that is not what it claims cannot run anything.
/// </summary>
internal static class PhotoEndpoint
{
    public static async Task<IResult> HandleAsync(
        string reference,
        Guid photoId,
        HttpContext http,
        TrackRequestHandler handler,
        IOptions<PortalOptions> options,
        CancellationToken cancellationToken)
    {
        Result<PublicPhotoContent> result =
            await handler.OpenPhotoAsync(options.Value.Jurisdiction, reference, photoId, cancellationToken);
        if (!result.IsSuccess)
        {
            return Results.NotFound();
        }

        PublicPhotoContent photo = result.Value;
        IHeaderDictionary headers = http.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        headers[HeaderNames.CacheControl] = "private, max-age=3600";
        headers[HeaderNames.ContentDisposition] = new ContentDisposition
        {
            Inline = true,
            FileName = SafeName(photo.FileName),
        }.ToString();
        return Results.Stream(photo.Content, photo.ContentType);
    }

    /// <summary>Names are cleaned when stored; this keeps the header safe for rows written by other means.</summary>
    private static string SafeName(string name)
    {
        string safe = new(name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').Take(80).ToArray());
        return safe.Trim('.').Length == 0 ? "photo" : safe;
    }
}
