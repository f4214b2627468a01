using System.Text;
using CivicDesk.Core.Cases.Photos;

namespace CivicDesk.Core.Tests.Cases;

public sealed class PhotoSanitizerTests
{
    [Fact]
    public void Sanitize_JpegWithExifAndComment_KeepsImageSegmentsAndDropsMetadata()
    {
        byte[] jfif = Segment(0xE0, Encoding.ASCII.GetBytes("JFIF\0\u0001\u0002\0\0\u0001\0\u0001\0\0"));
        byte[] exif = Segment(0xE1, Encoding.ASCII.GetBytes("Exif\0\0GPSLatitude 40.7128 CameraSerial 123"));
        byte[] comment = Segment(0xFE, Encoding.ASCII.GetBytes("taken at home"));
        byte[] quantization = Segment(0xDB, new byte[65]);
        byte[] scan = [.. Segment(0xDA, new byte[10]), 0x12, 0x34, 0x56, 0xFF, 0xD9];
        byte[] photo = [0xFF, 0xD8, .. jfif, .. exif, .. comment, .. quantization, .. scan];

        SanitizedPhoto? clean = PhotoSanitizer.Sanitize(new UploadedPhoto("IMG_0001.HEIC.jpg", photo));

        Assert.NotNull(clean);
        Assert.Equal("image/jpeg", clean.ContentType);
        byte[] expected = [0xFF, 0xD8, .. jfif, .. quantization, .. scan];
        Assert.Equal(expected, clean.Content.ToArray());
        Assert.Equal("IMG_0001HEIC.jpg", clean.FileName);
    }

    [Fact]
    public void Sanitize_PngWithTextAndExifChunks_KeepsOnlyDrawingChunks()
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] header = Chunk("IHDR", new byte[13]);
        byte[] text = Chunk("tEXt", Encoding.ASCII.GetBytes("Author\0Ana Diaz"));
        byte[] exif = Chunk("eXIf", new byte[8]);
        byte[] data = Chunk("IDAT", new byte[20]);
        byte[] end = Chunk("IEND", []);
        byte[] photo = [.. signature, .. header, .. text, .. exif, .. data, .. end];

        SanitizedPhoto? clean = PhotoSanitizer.Sanitize(new UploadedPhoto("map.png", photo));

        Assert.NotNull(clean);
        Assert.Equal("image/png", clean.ContentType);
        Assert.Equal([.. signature, .. header, .. data, .. end], clean.Content.ToArray());
    }

    [Theory]
    [InlineData("GIF89a")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")]
    [InlineData("%PDF-1.7")]
    public void Sanitize_NotJpegOrPng_ReturnsNull(string content)
    {
        UploadedPhoto photo = new("photo.jpg", Encoding.ASCII.GetBytes(content));

        SanitizedPhoto? clean = PhotoSanitizer.Sanitize(photo);

        Assert.Null(clean);
    }

    [Fact]
    public void Sanitize_TruncatedJpeg_ReturnsNull()
    {
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 0x01];

        Assert.Null(PhotoSanitizer.Sanitize(new UploadedPhoto("cut.jpg", photo)));
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        int length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
    }

    private static byte[] Chunk(string type, byte[] payload)
    {
        int length = payload.Length;
        byte[] lengthBytes = [(byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length];
        return [.. lengthBytes, .. Encoding.ASCII.GetBytes(type), .. payload, 0, 0, 0, 0];
    }
}
