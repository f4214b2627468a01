using CivicDesk.Core.Common;

namespace CivicDesk.Core.Cases.Photos;

/// <summary>How many photos a request may carry, how large, and of which types.</summary>
public static class PhotoRules
{
    public const int MaxPhotos = 5;

    /// <summary>10 MiB per photo: a full-resolution phone JPEG fits; larger files are refused, not shrunk.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

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
            else if (PhotoSanitizer.Sanitize(photo) is SanitizedPhoto clean)
            {
                kept.Add(clean);
            }
            else
            {
                errors.Add(new FieldError(field, "unsupported_type", "Only JPEG and PNG photos are accepted."));
            }
        }

        return kept;
    }
}
