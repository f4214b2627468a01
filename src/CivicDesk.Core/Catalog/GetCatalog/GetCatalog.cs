namespace CivicDesk.Core.Catalog.GetCatalog;

/// <summary>The active services of a jurisdiction, with texts in <paramref name="Culture"/> where translated.</summary>
/// <param name="JurisdictionCode">The jurisdiction's short code, such as <c>nyc</c>.</param>
/// <param name="Culture">A language code such as <c>es</c>; texts without a translation keep their source text.</param>
public sealed record GetCatalog(string JurisdictionCode, string Culture);

/// <summary>A jurisdiction's catalogue as residents see it, in one language.</summary>
public sealed record CatalogView(
    Guid JurisdictionId,
    string JurisdictionName,
    string TimeZoneId,
    IReadOnlyList<ServiceView> Services)
{
    public ServiceView? Find(string code) =>
        Services.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal));

    /// <summary>The services in rank order, most frequently asked for first.</summary>
    public IEnumerable<ServiceView> MostFrequent(int count) => Services.OrderBy(s => s.Rank).Take(count);
}

/// <summary>One service in one language.</summary>
public sealed record ServiceView(
    string Code,
    string Name,
    string Description,
    string Group,
    string Keywords,
    string DepartmentName,
    int Rank,
    IReadOnlyList<QuestionView> Questions);

/// <summary>One question of a service in one language.</summary>
public sealed record QuestionView(
    string Code,
    string Label,
    QuestionDatatype Datatype,
    bool IsRequired,
    IReadOnlyList<OptionView> Options);

/// <summary>One allowed answer: the key the request stores and the name shown.</summary>
public sealed record OptionView(string Key, string Name);
