using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using CivicDesk.Web.Open311.Common;

namespace CivicDesk.Web.Open311.Requests;

/// <summary>
/// Reads a POST's form body within fixed limits, and turns every way it can be unreadable (wrong content
/// type or charset, too large, too many fields, cut short) into the spec's 400 error list.
/// </summary>
internal static class Open311Forms
{
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxFields = 200;
    public const int MaxValueBytes = 32 * 1024;

    private static readonly FormOptions Limits = new()
    {
        BufferBody = false,
        ValueCountLimit = MaxFields,
        KeyLengthLimit = 200,
        ValueLengthLimit = MaxValueBytes,
    };

    /// <summary>
    /// The form, the fields whose bytes were not UTF-8 (see <see cref="UrlEncodedText"/>), or the error that
    /// made it unreadable.
    /// </summary>
    public static async Task<(IFormCollection? Form, IReadOnlyList<string?> Unreadable, Open311Errors? Error)>
        ReadAsync(HttpRequest request, Open311Format format, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (
                null, [], Open311Errors.BadRequest(format, "Content-Type: must be application/x-www-form-urlencoded."));
        }

        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (null, [], Open311Errors.BadRequest(format, "Content-Type: the charset must be utf-8."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, [], TooLarge(format));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            // The body is small, and its raw bytes are needed to tell a field that was not UTF-8.
            byte[]? body = await ReadBodyAsync(request.Body, cancellationToken);
            if (body is null)
            {
                return (null, [], TooLarge(format));
            }

            // Fields that cannot be read are reported on their own, before the rest of the form is read.
            IReadOnlyList<string?> unreadable = UrlEncodedText.UnreadableNames(body);
            if (unreadable.Count > 0)
            {
                return (FormCollection.Empty, unreadable, null);
            }

            request.Body = new MemoryStream(body, writable: false);
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, Limits));
            return (await request.ReadFormAsync(cancellationToken), [], null);
        }
        catch (InvalidDataException)
        {
            return (null, [], TooLarge(format));
        }
        catch (BadHttpRequestException)
        {
            return (null, [], TooLarge(format));
        }
        catch (IOException)
        {
            return (null, [], Open311Errors.BadRequest(format, "body: the form could not be read to its end."));
        }
    }

    /// <summary>The whole body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    /// <remarks>
    /// The read buffer is rented: a new one per request would be a 256 KiB large-object allocation on the
    /// intake path, for bodies that are usually a few hundred bytes.
    /// </remarks>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            int length = 0;
            int read;
            while (length <= MaxBodyBytes
                && (read = await body.ReadAsync(
                    buffer.AsMemory(length, MaxBodyBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }

            return length > MaxBodyBytes ? null : buffer[..length];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Open311Errors TooLarge(Open311Format format) =>
        Open311Errors.BadRequest(
            format,
            $"body: the form may hold at most {MaxFields} fields, {MaxValueBytes} bytes per field "
            + $"and {MaxBodyBytes} bytes in all.");
}
