namespace CivicDesk.Core.Jurisdictions;

/// <summary>A city, county or agency that receives requests; the root of every scope.</summary>
public sealed class Jurisdiction
{
    private Jurisdiction()
    {
        Code = string.Empty;
        Name = string.Empty;
        Open311Id = string.Empty;
        TimeZoneId = string.Empty;
        CountryCode = string.Empty;
        Bounds = GeoBounds.World;
    }

    public Jurisdiction(
        Guid id,
        string code,
        string name,
        string open311Id,
        string timeZoneId,
        string countryCode,
        GeoBounds bounds)
    {
        Id = id;
        Code = code;
        Name = name;
        Open311Id = open311Id;
        TimeZoneId = timeZoneId;
        CountryCode = countryCode;
        Bounds = bounds;
    }

    public Guid Id { get; private set; }

    /// <summary>Short slug used in URLs and on the command line, such as <c>nyc</c>.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The Open311 <c>jurisdiction_id</c>: by convention the root domain, such as <c>nyc.gov</c>.</summary>
    public string Open311Id { get; private set; }

    /// <summary>IANA time zone in which the jurisdiction's staff and source systems record local times.</summary>
    public string TimeZoneId { get; private set; }

    /// <summary>ISO 3166 country code; phone numbers written without a country code are read as local to it.</summary>
    public string CountryCode { get; private set; }

    public GeoBounds Bounds { get; private set; }
}
