namespace CivicDesk.Core.Catalog.SeedCatalog;

/// <summary>The JSON shape of a catalogue file such as <c>samples/catalog/nyc.json</c>.</summary>
public sealed record CatalogFile(
    JurisdictionEntry Jurisdiction,
    IReadOnlyList<DepartmentEntry> Departments,
    IReadOnlyList<ServiceEntry> Services);

public sealed record JurisdictionEntry(
    string Code,
    string Name,
    string Open311Id,
    string TimeZone,
    string Country,
    BoundsEntry Bounds);

public sealed record BoundsEntry(
    double SouthLatitude,
    double WestLongitude,
    double NorthLatitude,
    double EastLongitude);

public sealed record DepartmentEntry(string Code, string Name);

public sealed record ServiceEntry(
    string Code,
    string Name,
    string Description,
    string Group,
    string Department,
    int Rank,
    string Keywords,
    IReadOnlyList<QuestionEntry> Questions);

public sealed record QuestionEntry(
    string Code,
    string Label,
    string Datatype,
    bool Required,
    int Order,
    IReadOnlyList<OptionEntry>? Options);

public sealed record OptionEntry(string Key, string Name);
