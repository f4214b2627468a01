using CivicDesk.Core.Cases;
using YamlDotNet.RepresentationModel;

namespace CivicDesk.Core.Notifications;

/// <summary>
/// The subject and body of each notification template in each language, and the status words they use, read
/// from <c>samples/notifications/templates.yaml</c> (compiled in) or from
/// <see cref="NotificationOptions.TemplatesFile"/>.
/// </summary>
public sealed class NotificationTemplates
{
    private const string EmbeddedName = "CivicDesk.Core.Notifications.templates.yaml";

    private readonly Dictionary<(string Key, string Language), TemplateText> _templates;
    private readonly Dictionary<(string Status, string Language), string> _statuses;

    private NotificationTemplates(
        Dictionary<(string Key, string Language), TemplateText> templates,
        Dictionary<(string Status, string Language), string> statuses)
    {
        _templates = templates;
        _statuses = statuses;
    }

    /// <summary>Every template key with its languages.</summary>
    public IEnumerable<(string Key, string Language)> Entries => _templates.Keys;

    /// <summary>The built-in set, as shipped in <c>samples/notifications/templates.yaml</c>.</summary>
    public static NotificationTemplates BuiltIn()
    {
        using Stream stream = typeof(NotificationTemplates).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The assembly lacks its resource {EmbeddedName}.");
        using StreamReader reader = new(stream);
        return Parse(reader);
    }

    public static NotificationTemplates FromFile(string path)
    {
        using StreamReader reader = File.OpenText(path);
        return Parse(reader);
    }

    public static NotificationTemplates Parse(TextReader text)
    {
        YamlStream yaml = [];
        yaml.Load(text);
        YamlMappingNode root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Dictionary<(string, string), TemplateText> templates = [];
        foreach ((YamlNode key, YamlNode languages) in Mapping(root, "templates"))
        {
            foreach ((YamlNode language, YamlNode parts) in (YamlMappingNode)languages)
            {
                YamlMappingNode fields = (YamlMappingNode)parts;
                templates[(Scalar(key), Scalar(language))] = new TemplateText(
                    Scalar(fields["subject"]).Trim(), Scalar(fields["body"]));
            }
        }

        Dictionary<(string, string), string> statuses = [];
        foreach ((YamlNode status, YamlNode words) in Mapping(root, "statuses"))
        {
            foreach ((YamlNode language, YamlNode word) in (YamlMappingNode)words)
            {
                statuses[(Scalar(status), Scalar(language))] = Scalar(word);
            }
        }

        return new NotificationTemplates(templates, statuses);
    }

    public bool Has(string key, string language) => _templates.ContainsKey((key, language));

    /// <summary>The template filled with <paramref name="facts"/>; null when the key lacks the language.</summary>
    public RenderedNotification? Render(string key, string language, NotificationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!_templates.TryGetValue((key, language), out TemplateText? template))
        {
            return null;
        }

        string status = StatusWord(facts.Status, language);
        return new RenderedNotification(
            Fill(template.Subject, facts, status), Fill(template.Body, facts, status));
    }

    /// <summary>The status in words of the language; its code when the file has none.</summary>
    public string StatusWord(CaseStatus status, string language) =>
        _statuses.TryGetValue((status.ToCode(), language), out string? word) ? word : status.ToCode();

    // Replaced one after the other: no fact can hold a placeholder, because none is free text from a resident
    // except the service name, which the agency writes.
    private static string Fill(string text, NotificationFacts facts, string status) => text
        .Replace("{reference}", facts.Reference, StringComparison.Ordinal)
        .Replace("{service}", facts.ServiceName, StringComparison.Ordinal)
        .Replace("{status}", status, StringComparison.Ordinal)
        .Replace("{link}", facts.TrackingLink, StringComparison.Ordinal)
        .Replace("{jurisdiction}", facts.JurisdictionName, StringComparison.Ordinal);

    private static YamlMappingNode Mapping(YamlMappingNode root, string name) =>
        root.Children.TryGetValue(new YamlScalarNode(name), out YamlNode? node) && node is YamlMappingNode mapping
            ? mapping
            : [];

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;

    private sealed record TemplateText(string Subject, string Body);
}

/// <summary>What a template may say about a case: nothing internal, nothing personal.</summary>
public sealed record NotificationFacts(
    string Reference,
    string ServiceName,
    CaseStatus Status,
    string TrackingLink,
    string JurisdictionName);

/// <summary>A filled template.</summary>
public sealed record RenderedNotification(string Subject, string Body);
