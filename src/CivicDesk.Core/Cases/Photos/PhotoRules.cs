using CivicDesk.Core.Common;

namespace CivicDesk.Core.Cases.Photos;

/// <summary>How many photos a request may carry, how large, and of which types.</summary>
public static class PhotoRules
{
    public const int MaxPhotos = 5;

    /// <summary>10 MiB per photo: a full-resolution phone JPEG fits; larger files are refused, not shrunk.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most pixels on either side; a panorama from a phone stays below it.</summary>
    public const int MaxSide = 12_000;

    /// <summary>The most pixels in all: about twice a 24-megapixel camera's frame.</summary>
    public const int MaxPixels = 50_000_000;

    internal static List<SanitizedPhoto> Validate(IReadOnlyList<UploadedPhoto> photos, List<FieldError> errors)
    {
        List<SanitizedPhoto> kept = [];
        if (photos.Count > MaxPhotos)
        {
            errors.Add(new FieldError("photos", "too_many", $"Attach at most {MaxPhotos} photos."));
            return kept;
        }

        for (int i = 0; i < photos.Count; i++)
        {
            UploadedPhoto photo = photos[i];
            string field = $"photos[{i}]";
            if (photo.Content.Length > MaxBytes)
            {
                string limit = $"Each photo may be at most {MaxBytes / (1024 * 1024)} MB.";
                errors.Add(new FieldError(field, "too_large", limit));
            }
            else if (PhotoSanitizer.Sanitize(photo, out PhotoRefusal refusal) is SanitizedPhoto clean)
            {
                kept.Add(clean);
            }
            else if (refusal == PhotoRefusal.TooManyPixels)
            {
                errors.Add(new FieldError(
                    field,
                    "too_many_pixels",
                    $"Each photo may be at most {MaxSide} pixels on a side and {MaxPixels / 1_000_000} megapixels."));
            }
            else
            {
                errors.Add(new FieldError(field, "unsupported_type", "Only JPEG and PNG photos are accepted."));
            }
        }

        return kept;
    }

    /// <summary>Whether an image of this size may be accepted; zero on a side is no image at all.</summary>
    internal static PhotoRefusal CheckSize(long width, long height)
    {
        if (width <= 0 || height <= 0)
        {
            return PhotoRefusal.NotJpegOrPng;
        }

        return width > MaxSide || height > MaxSide || width * height > MaxPixels
            ? PhotoRefusal.TooManyPixels
            : PhotoRefusal.None;
    }
}
