namespace CivicDesk.Core.Cases.Photos;

/// <summary>Why <see cref="PhotoSanitizer"/> refused a photo.</summary>
public enum PhotoRefusal
{
    None,

    /// <summary>The bytes are not a well-formed JPEG or PNG, whatever the file's name or declared type.</summary>
    NotJpegOrPng,

    /// <summary>The image's header claims more pixels than <see cref="PhotoRules"/> allows.</summary>
    TooManyPixels,
}
