using System.Buffers.Binary;
using System.Text;

namespace CivicDesk.Browser.Tests;

/// <summary>A tiny well-formed JPEG frame with an EXIF block, built in code so no fixture file is needed.</summary>
internal static class TestJpeg
{
    public static byte[] Bytes()
    {
        byte[] jfif = Segment(0xE0, Encoding.ASCII.GetBytes("JFIF\0\u0001\u0002\0\0\u0001\0\u0001\0\0"));
        byte[] exif = Segment(0xE1, Encoding.ASCII.GetBytes("Exif\0\0GPSLatitude 40.7128"));
        byte[] quantization = Segment(0xDB, new byte[65]);
        byte[] frame = Segment(0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        byte[] scan = [.. Segment(0xDA, new byte[10]), 0x12, 0x34, 0xFF, 0xD9];
        return [0xFF, 0xD8, .. jfif, .. exif, .. quantization, .. frame, .. scan];
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
