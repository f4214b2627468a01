using System.Buffers.Binary;
using System.Text;

namespace CivicDesk.Web.Tests.Portal;

/// <summary>Small synthetic photos built byte by byte, so a test knows exactly what must survive.</summary>
internal static class TestPhotos
{
    /// <summary>
    /// A JPEG whose EXIF block names a GPS position and a camera and which carries a hidden file after its
    /// end-of-image marker, and the same JPEG without either.
    /// </summary>
    public static (byte[] Photo, byte[] WithoutMetadata) JpegWithGps()
    {
        byte[] jfif = Segment(0xE0, Encoding.ASCII.GetBytes("JFIF\0\u0001\u0002\0\0\u0001\0\u0001\0\0"));
        byte[] exif = Segment(
            0xE1, Encoding.ASCII.GetBytes("Exif\0\0GPSLatitude 40.7128 GPSLongitude -74.0060 Model Phone"));
        byte[] quantization = Segment(0xDB, new byte[65]);
        byte[] frame = Frame(480, 640);
        byte[] scan = [.. Segment(0xDA, new byte[10]), 0x12, 0x34, 0x56, 0xFF, 0xD9];
        byte[] hidden = Encoding.ASCII.GetBytes("PK\u0003\u0004 hidden.txt");
        byte[] photo = [0xFF, 0xD8, .. jfif, .. exif, .. quantization, .. frame, .. scan, .. hidden];
        byte[] clean = [0xFF, 0xD8, .. jfif, .. quantization, .. frame, .. scan];
        return (photo, clean);
    }

    /// <summary>A few dozen bytes whose frame header claims an image of <paramref name="width"/> by
    /// <paramref name="height"/> pixels: a decompression bomb for whoever decodes it.</summary>
    public static byte[] JpegClaiming(int width, int height) =>
        [0xFF, 0xD8, .. Frame(height, width), .. Segment(0xDA, new byte[10]), 0x12, 0xFF, 0xD9];

    /// <summary>A baseline frame header (SOF0) of one 8-bit component.</summary>
    private static byte[] Frame(int height, int width) =>
        Segment(0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);

    private static byte[] Segment(byte marker, byte[] payload)
    {
        byte[] segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }
}
