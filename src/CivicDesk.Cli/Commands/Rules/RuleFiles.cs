using CivicDesk.Rules;
using CivicDesk.Rules.Golden;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CivicDesk.Cli.Commands.Rules;

/// <summary>Reads rule sets, golden files and input files from disk for the rules commands.</summary>
internal static class RuleFiles
{
    private static readonly IDeserializer Golden = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly IDeserializer Plain = new DeserializerBuilder().Build();

    /// <summary>Loads a rule file; includes are read relative to its folder.</summary>
    public static RuleSet Load(string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string main = Path.GetFileName(path);
        return RuleSetLoader.Load(main, name =>
        {
            string file = Path.Combine(folder, name);
            return File.Exists(file) ? File.ReadAllText(file) : null;
        });
    }

    public static GoldenFile ReadGolden(string path) => Golden.Deserialize<GoldenFile>(File.ReadAllText(path));

    /// <summary>An input file: a YAML (or JSON) map from input names to values; "as_of" may give the date.</summary>
    public static Dictionary<string, object?> ReadInputs(string path) =>
        Plain.Deserialize<Dictionary<string, object?>>(File.ReadAllText(path)) ?? [];
}
