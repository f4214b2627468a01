namespace CivicDesk.Core.Catalog;

/// <summary>
/// A translation of one piece of catalogue content (a service name, a question label, an option name).
/// The key names the content, such as <c>service:HEAT-HOT-WATER:name</c>; the source text is the fallback.
/// </summary>
public sealed class LocalizedText
{
    private LocalizedText()
    {
        Culture = string.Empty;
        Key = string.Empty;
        Text = string.Empty;
    }

    public LocalizedText(Guid id, Guid jurisdictionId, string culture, string key, string text)
    {
        Id = id;
        JurisdictionId = jurisdictionId;
        Culture = culture;
        Key = key;
        Text = text;
    }

    public Guid Id { get; private set; }

    public Guid JurisdictionId { get; private set; }

    public string Culture { get; private set; }

    public string Key { get; private set; }

    public string Text { get; private set; }
}
