namespace CivicDesk.Core.Cases.Photos;

/// <summary>
/// Reads a photo's type from its bytes (never from its name or declared type) and rewrites it without the
/// metadata that can locate or identify the person who took it: EXIF (GPS, camera serial), XMP, IPTC and
/// comments in JPEG; text, EXIF and time chunks in PNG; and whatever follows the end of the image.
/// Pixels are copied unchanged and never decoded; an image whose header claims more pixels than
/// <see cref="PhotoRules"/> allows is refused, because whoever decodes it later (a browser, a thumbnailer)
/// would need gigabytes for a file of a few bytes.
/// </summary>
// Limitation: the EXIF orientation goes with the rest of EXIF, so a phone photo taken sideways shows
// sideways. Writing back a one-tag EXIF block with only the orientation would lift this.
public static class PhotoSanitizer
{
    /// <summary>Returns the cleaned photo, or null when it is not a well-formed JPEG or PNG of allowed size.</summary>
    public static SanitizedPhoto? Sanitize(UploadedPhoto photo) => Sanitize(photo, out _);

    /// <summary>Returns the cleaned photo, or null with the reason it was refused.</summary>
    public static SanitizedPhoto? Sanitize(UploadedPhoto photo, out PhotoRefusal refusal)
    {
        ReadOnlySpan<byte> bytes = photo.Content.Span;
        if (JpegCleaner.IsJpeg(bytes))
        {
            byte[]? jpeg = JpegCleaner.Clean(bytes, out refusal);
            return jpeg is null ? null : new SanitizedPhoto(SafeName(photo.FileName, ".jpg"), "image/jpeg", jpeg);
        }

        if (PngCleaner.IsPng(bytes))
        {
            byte[]? png = PngCleaner.Clean(bytes, out refusal);
            return png is null ? null : new SanitizedPhoto(SafeName(photo.FileName, ".png"), "image/png", png);
        }

        refusal = PhotoRefusal.NotJpegOrPng;
        return null;
    }

    private static string SafeName(string fileName, string extension)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        string safe = new(stem.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(60).ToArray());
        return (safe.Length == 0 ? "photo" : safe) + extension;
    }
}
