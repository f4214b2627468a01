using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// Reads a YAML node tree with positions and collects every problem instead of stopping at the first. Shared by
/// the case-type and calendar loaders; knows nothing of either schema.
/// </summary>
internal sealed class YamlReader(string file)
{
    public string File { get; } = file;

    public List<FileProblem> Problems { get; } = [];

    public void Error(YamlNode node, string message) =>
        Problems.Add(new FileProblem(File, (int)node.Start.Line, (int)node.Start.Column, message));

    /// <summary>
    /// The keys of a mapping by name. Unknown keys and missing required ones are problems; the first key listed
    /// is required when <paramref name="required"/> says so.
    /// </summary>
    public Dictionary<string, YamlNode> Keys(YamlNode node, string what, string[] required, string[] optional)
    {
        Dictionary<string, YamlNode> found = new(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping with keys: {string.Join(", ", required.Concat(optional))}");
            return found;
        }

        foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (required.Contains(key, StringComparer.Ordinal) || optional.Contains(key, StringComparer.Ordinal))
            {
                found[key] = value;
            }
            else
            {
                Error(keyNode, $"unknown key '{key}' in {what}; expected one of: "
                    + string.Join(", ", required.Concat(optional)));
            }
        }

        foreach (string key in required.Where(k => !found.ContainsKey(k)))
        {
            Error(node, $"{what} is missing '{key}'");
        }

        return found;
    }

    public string? Text(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Error(node, $"{what} must be a non-empty text");
        return null;
    }

    public int? Integer(YamlNode? node, string what, int minimum)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text }
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= minimum)
        {
            return value;
        }

        Error(node, $"{what} must be a whole number of at least {minimum}");
        return null;
    }

    public bool? Boolean(YamlNode? node, string what)
    {
        return node switch
        {
            null => null,
            YamlScalarNode { Value: "true" } => true,
            YamlScalarNode { Value: "false" } => false,
            _ => Invalid(node),
        };

        bool? Invalid(YamlNode bad)
        {
            Error(bad, $"{what} must be true or false");
            return null;
        }
    }

    public IReadOnlyList<YamlNode> Sequence(YamlNode? node, string what)
    {
        if (node is null)
        {
            return [];
        }

        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        Error(node, $"{what} must be a list");
        return [];
    }

    /// <summary>A single text or a list of texts, each with its node (for later problems).</summary>
    public List<(string Value, YamlNode Node)> OneOrMany(YamlNode? node, string what)
    {
        if (node is YamlScalarNode)
        {
            return Text(node, what) is { } single ? [(single, node)] : [];
        }

        List<(string, YamlNode)> values = [];
        foreach (YamlNode item in Sequence(node, what))
        {
            if (Text(item, what) is { } value)
            {
                values.Add((value, item));
            }
        }

        return values;
    }

    /// <summary>A text that must be one of <paramref name="choices"/>.</summary>
    public string? Choice(YamlNode? node, string what, params string[] choices)
    {
        string? value = Text(node, what);
        if (value is null || choices.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        Error(node!, $"{what} must be one of: {string.Join(", ", choices)}; found '{value}'");
        return null;
    }

    /// <summary>Parses the text as one YAML document; a syntax error is a problem and gives null.</summary>
    public YamlNode? Parse(string text)
    {
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException error)
        {
            Problems.Add(new FileProblem(File, (int)error.Start.Line, (int)error.Start.Column,
                $"not valid YAML: {error.Message}"));
            return null;
        }
        catch (InvalidOperationException error)
        {
            // Limitation: YamlDotNet's scanner throws InvalidOperationException, without a position, on some
            // malformed text (an unclosed flow sequence; compare aaubry/YamlDotNet issue 541). Bad input must not
            // escape as an exception, so it is reported at the top of the file until the parser reports it properly.
            Problems.Add(new FileProblem(File, 1, 1, $"not valid YAML: {error.Message}"));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            Problems.Add(new FileProblem(File, 1, 1, "expected exactly one YAML document"));
            return null;
        }

        return stream.Documents[0].RootNode;
    }
}
