using System.Buffers.Binary;
using System.Text;

namespace CivicDesk.Core.Cases.Photos;

/// <summary>
/// Copies a PNG chunk by chunk, keeping only the chunks that say how to draw the pixels and nothing after
/// the end chunk. The header's size is checked first, so an image too large to decode is refused at once.
/// </summary>
internal static class PngCleaner
{
    /// <summary>PNG chunks that describe how to draw the pixels; every other ancillary chunk is dropped.</summary>
    private static readonly HashSet<string> ChunksKept =
        ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "pHYs"];

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    public static byte[]? Clean(ReadOnlySpan<byte> bytes, out PhotoRefusal refusal)
    {
        refusal = PhotoRefusal.NotJpegOrPng;
        using MemoryStream output = new(bytes.Length);
        output.Write(Signature);
        int position = Signature.Length;
        while (position + 12 <= bytes.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(bytes[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > bytes.Length)
            {
                return null;
            }

            string type = Encoding.ASCII.GetString(bytes.Slice(position + 4, 4));
            if (position == Signature.Length)
            {
                PhotoRefusal size = HeaderSize(type, length, bytes[(position + 8)..]);
                if (size != PhotoRefusal.None)
                {
                    refusal = size;
                    return null;
                }
            }

            int total = 12 + (int)length;
            if (ChunksKept.Contains(type))
            {
                output.Write(bytes.Slice(position, total));
            }

            position += total;
            if (type == "IEND")
            {
                refusal = PhotoRefusal.None;
                return output.ToArray();
            }
        }

        return null;
    }

    /// <summary>The first chunk must be IHDR: width (4 bytes), height (4 bytes), then five one-byte fields.</summary>
    private static PhotoRefusal HeaderSize(string type, uint length, ReadOnlySpan<byte> data) =>
        type != "IHDR" || length != 13
            ? PhotoRefusal.NotJpegOrPng
            : PhotoRules.CheckSize(
                BinaryPrimitives.ReadUInt32BigEndian(data), BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
}
