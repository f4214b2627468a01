using CivicDesk.Core.Jurisdictions;

namespace CivicDesk.Core.Cases;

/// <summary>Where the problem is: a point, an address, a jurisdiction's address id, or several of these.</summary>
public sealed record CaseLocation(GeoPoint? Point, string? Address, string? AddressId, string? ZipCode)
{
    public static CaseLocation None { get; } = new(null, null, null, null);

    public bool IsEmpty => Point is null && string.IsNullOrWhiteSpace(Address) && string.IsNullOrWhiteSpace(AddressId);
}
