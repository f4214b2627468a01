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
        byte[] frame = Frame(0xC0, 480, 640);
        byte[] scan = [.. Segment(0xDA, new byte[10]), 0x12, 0x34, 0x56, 0xFF, 0xD9];
        byte[] photo = [0xFF, 0xD8, .. jfif, .. exif, .. comment, .. quantization, .. frame, .. scan];

        SanitizedPhoto? clean = PhotoSanitizer.Sanitize(new UploadedPhoto("IMG_0001.HEIC.jpg", photo));

        Assert.NotNull(clean);
        Assert.Equal("image/jpeg", clean.ContentType);
        byte[] expected = [0xFF, 0xD8, .. jfif, .. quantization, .. frame, .. scan];
        Assert.Equal(expected, clean.Content.ToArray());
        Assert.Equal("IMG_0001HEIC.jpg", clean.FileName);
    }

    [Fact]
    public void Sanitize_PngWithTextAndExifChunks_KeepsOnlyDrawingChunks()
    {
        byte[] signature = PngSignature;
        byte[] header = Header(640, 480);
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

    [Fact]
    public void Sanitize_JpegWithBytesAfterTheEndOfImage_DropsThem()
    {
        byte[] image = [0xFF, 0xD8, .. Segment(0xDB, new byte[65]), .. Frame(0xC0, 2, 2),
            .. Segment(0xDA, new byte[10]), 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56, 0xFF, 0xD9];
        byte[] photo = [.. image, .. Encoding.ASCII.GetBytes("PK\u0003\u0004hidden.txt secret")];

        SanitizedPhoto? clean = PhotoSanitizer.Sanitize(new UploadedPhoto("trailing.jpg", photo));

        Assert.NotNull(clean);
        Assert.Equal(image, clean.Content.ToArray());
    }

    [Fact]
    public void Sanitize_ProgressiveJpegWithCommentBetweenScans_KeepsEveryScanAndDropsTheRest()
    {
        byte[] head = [0xFF, 0xD8, .. Segment(0xDB, new byte[65]), .. Frame(0xC2, 2, 2)];
        byte[] firstScan = [.. Segment(0xDA, new byte[10]), 0x11, 0x22];
        byte[] table = Segment(0xC4, new byte[20]);
        byte[] secondScan = [.. Segment(0xDA, new byte[10]), 0x33, 0x44, 0xFF, 0xD9];
        byte[] comment = Segment(0xFE, Encoding.ASCII.GetBytes("between scans"));
        byte[] photo = [.. head, .. firstScan, .. comment, .. table, .. secondScan, 0x00, 0x01];

        SanitizedPhoto? clean = PhotoSanitizer.Sanitize(new UploadedPhoto("progressive.jpg", photo));

        Assert.NotNull(clean);
        Assert.Equal([.. head, .. firstScan, .. table, .. secondScan], clean.Content.ToArray());
    }

    [Fact]
    public void Sanitize_PngWithBytesAfterTheEndChunk_DropsThem()
    {
        byte[] image = [.. PngSignature, .. Header(2, 2), .. Chunk("IDAT", new byte[20]), .. Chunk("IEND", [])];
        byte[] photo = [.. image, .. Encoding.ASCII.GetBytes("hidden after IEND")];

        SanitizedPhoto? clean = PhotoSanitizer.Sanitize(new UploadedPhoto("trailing.png", photo));

        Assert.NotNull(clean);
        Assert.Equal(image, clean.Content.ToArray());
    }

    [Theory]
    [InlineData(60_000, 60_000)]
    [InlineData(12_001, 10)]
    [InlineData(10, 12_001)]
    [InlineData(7_100, 7_100)]
    public void Sanitize_JpegHeaderClaimingTooManyPixels_IsRefusedBeforeItsPixelsAreRead(int width, int height)
    {
        byte[] photo = [0xFF, 0xD8, .. Frame(0xC0, height, width), .. Segment(0xDA, new byte[10]), 0xFF, 0xD9];

        SanitizedPhoto? clean =
            PhotoSanitizer.Sanitize(new UploadedPhoto("bomb.jpg", photo), out PhotoRefusal refusal);

        Assert.Null(clean);
        Assert.Equal(PhotoRefusal.TooManyPixels, refusal);
    }

    [Theory]
    [InlineData(60_000, 60_000)]
    [InlineData(12_001, 1)]
    [InlineData(100_000, 400)]
    public void Sanitize_PngHeaderClaimingTooManyPixels_IsRefused(int width, int height)
    {
        byte[] photo =
            [.. PngSignature, .. Header(width, height), .. Chunk("IDAT", new byte[20]), .. Chunk("IEND", [])];

        SanitizedPhoto? clean =
            PhotoSanitizer.Sanitize(new UploadedPhoto("bomb.png", photo), out PhotoRefusal refusal);

        Assert.Null(clean);
        Assert.Equal(PhotoRefusal.TooManyPixels, refusal);
    }

    [Fact]
    public void Sanitize_LargestAllowedPhoto_IsAccepted()
    {
        byte[] photo = [0xFF, 0xD8, .. Frame(0xC0, 4_000, 12_000), .. Segment(0xDA, new byte[10]), 0xFF, 0xD9];

        SanitizedPhoto? clean =
            PhotoSanitizer.Sanitize(new UploadedPhoto("wide.jpg", photo), out PhotoRefusal refusal);

        Assert.NotNull(clean);
        Assert.Equal(PhotoRefusal.None, refusal);
    }

    [Fact]
    public void Sanitize_JpegWithoutAFrameHeader_ReturnsNull()
    {
        byte[] photo = [0xFF, 0xD8, .. Segment(0xDB, new byte[65]), .. Segment(0xDA, new byte[10]), 0xFF, 0xD9];

        SanitizedPhoto? clean =
            PhotoSanitizer.Sanitize(new UploadedPhoto("headless.jpg", photo), out PhotoRefusal refusal);

        Assert.Null(clean);
        Assert.Equal(PhotoRefusal.NotJpegOrPng, refusal);
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

    private static byte[] PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A JPEG frame header (SOFn) of one 8-bit component.</summary>
    private static byte[] Frame(byte marker, int height, int width) =>
        Segment(marker, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);

    /// <summary>A PNG IHDR chunk: 8-bit truecolour, no interlace.</summary>
    private static byte[] Header(int width, int height) => Chunk("IHDR",
    [
        (byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width,
        (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height, 8, 2, 0, 0, 0,
    ]);

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
