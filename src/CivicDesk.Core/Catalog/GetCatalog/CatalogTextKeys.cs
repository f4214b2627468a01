namespace CivicDesk.Core.Catalog.GetCatalog;

/// <summary>The keys under which <see cref="LocalizedText"/> rows translate catalogue content.</summary>
public static class CatalogTextKeys
{
    public static string ServiceName(string service) => $"service:{service}:name";

    public static string ServiceDescription(string service) => $"service:{service}:description";

    public static string ServiceGroup(string service) => $"service:{service}:group";

    public static string QuestionLabel(string service, string question) => $"question:{service}:{question}:label";

    public static string OptionName(string service, string question, string option) =>
        $"option:{service}:{question}:{option}";

    public static string DepartmentName(string department) => $"department:{department}:name";

    public static string QueueName(string department, string queue) => $"queue:{department}:{queue}:name";

    /// <summary>The jurisdiction's own name (one per jurisdiction: translations are kept by jurisdiction).</summary>
    public static string JurisdictionName() => "jurisdiction:name";

    /// <summary>
    /// The label of a row of a routing rule set's table, for rule sets whose text labels the row in English only
    /// (changing the rules text would change its content hash).
    /// </summary>
    public static string RuleRowLabel(string ruleSet, string table, string row) =>
        $"rule:{ruleSet}:{table}:{row}:label";
}
