using System.Buffers.Binary;

namespace CivicDesk.Core.Cases.Photos;

/// <summary>
/// Copies a JPEG segment by segment, leaving out the metadata segments and everything after the end-of-image
/// marker, where a file can carry anything unseen. The frame header's size is checked on the way, so an
/// image too large to decode is refused before a single pixel is read.
/// </summary>
internal static class JpegCleaner
{
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    public static bool IsJpeg(ReadOnlySpan<byte> bytes) =>
        bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == StartOfImage && bytes[2] == 0xFF;

    public static byte[]? Clean(ReadOnlySpan<byte> bytes, out PhotoRefusal refusal)
    {
        refusal = PhotoRefusal.NotJpegOrPng;
        using MemoryStream output = new(bytes.Length);
        output.Write(bytes[..2]);
        int position = 2;
        bool framed = false;
        bool scanned = false;
        while (position + 1 < bytes.Length)
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

            if (marker == EndOfImage)
            {
                output.Write(bytes.Slice(position, 2));
                return Finish(scanned, output, ref refusal);
            }

            int length = SegmentLength(bytes, position);
            if (length < 0)
            {
                return null;
            }

            ReadOnlySpan<byte> segment = bytes.Slice(position, 2 + length);
            if (IsFrameHeader(marker))
            {
                PhotoRefusal size = FrameSize(segment);
                if (size != PhotoRefusal.None)
                {
                    refusal = size;
                    return null;
                }

                framed = true;
            }

            if (!IsMetadata(marker))
            {
                output.Write(segment);
            }

            position += 2 + length;
            if (marker == StartOfScan)
            {
                if (!framed)
                {
                    return null;
                }

                int end = EndOfScanData(bytes, position);
                output.Write(bytes[position..end]);
                position = end;
                scanned = true;
            }
        }

        // A file cut short inside its scan data is kept as it came: browsers draw the part that arrived.
        return Finish(scanned, output, ref refusal);
    }

    private static byte[]? Finish(bool scanned, MemoryStream output, ref PhotoRefusal refusal)
    {
        if (!scanned)
        {
            return null;
        }

        refusal = PhotoRefusal.None;
        return output.ToArray();
    }

    /// <summary>The length field of the segment at <paramref name="position"/>, or -1 when it cannot be one.</summary>
    private static int SegmentLength(ReadOnlySpan<byte> bytes, int position)
    {
        byte marker = bytes[position + 1];

        // Markers without a length (another start of image, restarts, TEM) have no place between segments.
        if (marker is StartOfImage or 0x01 or (>= 0xD0 and <= 0xD7) || position + 4 > bytes.Length)
        {
            return -1;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 2)..]);
        return length < 2 || position + 2 + length > bytes.Length ? -1 : length;
    }

    /// <summary>
    /// Where the entropy-coded data that follows a scan header ends: at the first marker other than a
    /// stuffed zero byte or a restart marker, or at the end of the file.
    /// </summary>
    private static int EndOfScanData(ReadOnlySpan<byte> bytes, int start)
    {
        for (int i = start; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != 0xFF)
            {
                continue;
            }

            byte next = bytes[i + 1];
            if (next == 0x00 || next is >= 0xD0 and <= 0xD7)
            {
                i++;
                continue;
            }

            return i;
        }

        return bytes.Length;
    }

    /// <summary>SOF0 to SOF15, except the markers in that range that are tables (DHT, DAC) or reserved (JPG).</summary>
    private static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static PhotoRefusal FrameSize(ReadOnlySpan<byte> segment)
    {
        // FF Cn, length (2), sample precision (1), number of lines (2), samples per line (2), ...
        if (segment.Length < 9)
        {
            return PhotoRefusal.NotJpegOrPng;
        }

        int height = BinaryPrimitives.ReadUInt16BigEndian(segment[5..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(segment[7..]);
        return PhotoRules.CheckSize(width, height);
    }

    /// <summary>APP1 to APP15 (EXIF, XMP, ICC, IPTC…) but APP14, which tells how to read colours; comments.</summary>
    private static bool IsMetadata(byte marker) => marker is (>= 0xE1 and <= 0xEF and not 0xEE) or 0xFE;
}
