namespace CivicDesk.Core.Jurisdictions;

/// <summary>A WGS84 latitude/longitude rectangle.</summary>
// Limitation: a jurisdiction's area is a rectangle, so points in the water or a neighbouring town
// inside it pass the check. A boundary polygon (GeoJSON from the jurisdiction) would lift this.
public sealed record GeoBounds(double SouthLatitude, double WestLongitude, double NorthLatitude, double EastLongitude)
{
    public static GeoBounds World { get; } = new(-90, -180, 90, 180);

    public bool Contains(GeoPoint point) =>
        point.Latitude >= SouthLatitude && point.Latitude <= NorthLatitude
        && point.Longitude >= WestLongitude && point.Longitude <= EastLongitude;
}
