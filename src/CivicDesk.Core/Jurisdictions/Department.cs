namespace CivicDesk.Core.Jurisdictions;

/// <summary>A unit of a jurisdiction that owns services and works their cases (an agency, in NYC terms).</summary>
public sealed class Department
{
    private Department()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Department(Guid id, Guid jurisdictionId, string code, string name)
    {
        Id = id;
        JurisdictionId = jurisdictionId;
        Code = code;
        Name = name;
    }

    public Guid Id { get; private set; }

    public Guid JurisdictionId { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }
}
