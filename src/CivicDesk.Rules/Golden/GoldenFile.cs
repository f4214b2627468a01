namespace CivicDesk.Rules.Golden;

/// <summary>
/// A golden-case file (see samples/rules/era.golden.yaml for the format). The library reads no files: callers
/// deserialise the YAML into these classes (property names in snake_case) and hand them to the runner.
/// </summary>
public sealed class GoldenFile
{
    public string Rules { get; set; } = string.Empty;

    public Dictionary<string, object?> Base { get; set; } = [];

    public List<GoldenCase> Cases { get; set; } = [];
}

public sealed class GoldenCase
{
    public string Name { get; set; } = string.Empty;

    public string AsOf { get; set; } = string.Empty;

    public Dictionary<string, object?> Inputs { get; set; } = [];

    public List<string> Remove { get; set; } = [];

    public Dictionary<string, object?> Expect { get; set; } = [];

    public Dictionary<string, string> Reasons { get; set; } = [];

    public List<string>? Needs { get; set; }

    public Dictionary<string, List<string>> Explanation { get; set; } = [];

    public override string ToString() => Name;
}
