namespace CivicDesk.Rules.Tests.Golden;

/// <summary>A golden-case file as written in YAML (see samples/rules/era.golden.yaml for the format).</summary>
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
