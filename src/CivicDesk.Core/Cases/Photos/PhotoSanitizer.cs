using System.Buffers.Binary;

namespace CivicDesk.Core.Cases.Photos;

/// <summary>
/// Reads a photo's type from its bytes (never from its name or declared type) and rewrites it without the
/// metadata that can locate or identify the person who took it: EXIF (GPS, camera serial), XMP, IPTC and
/// comments in JPEG; text, EXIF and time chunks in PNG. Pixels are copied unchanged.
/// </summary>
// Limitation: the EXIF orientation goes with the rest of EXIF, so a phone photo taken sideways shows
// sideways. Writing back a one-tag EXIF block with only the orientation would lift this.
public static class PhotoSanitizer
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>PNG chunks that describe how to draw the pixels; every other ancillary chunk is dropped.</summary>
    private static readonly HashSet<string> PngChunksKept =
        ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "pHYs"];

    /// <summary>Returns the cleaned photo, or null when the bytes are not a well-formed JPEG or PNG.</summary>
    public static SanitizedPhoto? Sanitize(UploadedPhoto photo)
    {
        ReadOnlySpan<byte> bytes = photo.Content.Span;
        if (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            byte[]? jpeg = JpegWithoutMetadata(bytes);
            return jpeg is null ? null : new SanitizedPhoto(SafeName(photo.FileName, ".jpg"), "image/jpeg", jpeg);
        }

        if (bytes.StartsWith(PngSignature))
        {
            byte[]? png = PngWithoutMetadata(bytes);
            return png is null ? null : new SanitizedPhoto(SafeName(photo.FileName, ".png"), "image/png", png);
        }

        return null;
    }

    private static byte[]? JpegWithoutMetadata(ReadOnlySpan<byte> bytes)
    {
        using MemoryStream output = new(bytes.Length);
        output.Write(bytes[..2]);
        int position = 2;
        while (position + 4 <= bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return null;
            }

            byte marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 2)..]);
            if (length < 2 || position + 2 + length > bytes.Length)
            {
                return null;
            }

            if (marker == 0xDA)
            {
                // Start of scan: the entropy-coded image data runs to the end; copy it as it is.
                output.Write(bytes[position..]);
                return output.ToArray();
            }

            bool isMetadata = (marker >= 0xE1 && marker <= 0xEF && marker != 0xEE) || marker == 0xFE;
            if (!isMetadata)
            {
                output.Write(bytes.Slice(position, 2 + length));
            }

            position += 2 + length;
        }

        return null;
    }

    private static byte[]? PngWithoutMetadata(ReadOnlySpan<byte> bytes)
    {
        using MemoryStream output = new(bytes.Length);
        output.Write(PngSignature);
        int position = PngSignature.Length;
        bool sawEnd = false;
        while (!sawEnd && position + 12 <= bytes.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(bytes[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > bytes.Length)
            {
                return null;
            }

            string type = System.Text.Encoding.ASCII.GetString(bytes.Slice(position + 4, 4));
            int total = 12 + (int)length;
            if (PngChunksKept.Contains(type))
            {
                output.Write(bytes.Slice(position, total));
            }

            sawEnd = type == "IEND";
            position += total;
        }

        return sawEnd ? output.ToArray() : null;
    }

    private static string SafeName(string fileName, string extension)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        string safe = new(stem.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(60).ToArray());
        return (safe.Length == 0 ? "photo" : safe) + extension;
    }
}
