namespace CivicDesk.Core.Jurisdictions;

/// <summary>A WGS84 point. Latitude first, always named, never a bare pair.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude)
        && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
}
