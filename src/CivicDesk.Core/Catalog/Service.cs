namespace CivicDesk.Core.Catalog;

/// <summary>
/// Something a resident can ask for (a complaint type, in NYC terms). Open311 calls it a service;
/// its questions are the Open311 service definition's attributes.
/// </summary>
public sealed class Service
{
    private readonly List<ServiceQuestion> _questions = [];

    private Service()
    {
        Code = string.Empty;
        Name = string.Empty;
        Description = string.Empty;
        Group = string.Empty;
        Keywords = string.Empty;
    }

    public Service(
        Guid id,
        Guid jurisdictionId,
        Guid departmentId,
        string code,
        string name,
        string description,
        string group,
        string keywords,
        bool isActive,
        int rank)
    {
        Id = id;
        JurisdictionId = jurisdictionId;
        DepartmentId = departmentId;
        Code = code;
        Name = name;
        Description = description;
        Group = group;
        Keywords = keywords;
        IsActive = isActive;
        Rank = rank;
    }

    public Guid Id { get; private set; }

    public Guid JurisdictionId { get; private set; }

    public Guid DepartmentId { get; private set; }

    /// <summary>The Open311 <c>service_code</c>; always text.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public string Group { get; private set; }

    /// <summary>Comma-separated search words.</summary>
    public string Keywords { get; private set; }

    /// <summary>False for services known only from imported history: shown to staff, not offered to residents.
    /// </summary>
    public bool IsActive { get; private set; }

    /// <summary>Display order; lower comes first (the demo ranks by how often residents ask).</summary>
    public int Rank { get; private set; }

    public IReadOnlyList<ServiceQuestion> Questions => _questions;

    public void AddQuestion(ServiceQuestion question) => _questions.Add(question);
}
