namespace CivicDesk.Core.Cases.Photos;

/// <summary>A photo as uploaded: the name the resident's device gave it and its bytes, not yet trusted.</summary>
public sealed record UploadedPhoto(string FileName, ReadOnlyMemory<byte> Content);

/// <summary>A photo whose type was read from its bytes and whose location and camera metadata were removed.</summary>
public sealed record SanitizedPhoto(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
