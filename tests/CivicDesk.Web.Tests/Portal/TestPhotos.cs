using System.Buffers.Binary;
using System.Text;

namespace CivicDesk.Web.Tests.Portal;

/// <summary>Small synthetic photos built byte by byte, so a test knows exactly what must survive.</summary>
internal static class TestPhotos
{
    /// <summary>A JPEG whose EXIF block names a GPS position and a camera, and the same JPEG without it.</summary>
    public static (byte[] Photo, byte[] WithoutMetadata) JpegWithGps()
    {
        byte[] jfif = Segment(0xE0, Encoding.ASCII.GetBytes("JFIF\0\u0001\u0002\0\0\u0001\0\u0001\0\0"));
        byte[] exif = Segment(
            0xE1, Encoding.ASCII.GetBytes("Exif\0\0GPSLatitude 40.7128 GPSLongitude -74.0060 Model Phone"));
        byte[] quantization = Segment(0xDB, new byte[65]);
        byte[] scan = [.. Segment(0xDA, new byte[10]), 0x12, 0x34, 0x56, 0xFF, 0xD9];
        byte[] photo = [0xFF, 0xD8, .. jfif, .. exif, .. quantization, .. scan];
        byte[] clean = [0xFF, 0xD8, .. jfif, .. quantization, .. scan];
        return (photo, clean);
    }

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
