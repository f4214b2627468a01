using CivicDesk.Rules.Golden;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CivicDesk.Rules.Tests.Golden;

/// <summary>Reads golden files and the rule set beside them from disk for the tests.</summary>
internal static class GoldenYaml
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static GoldenFile Read(string path) => Yaml.Deserialize<GoldenFile>(File.ReadAllText(path));

    public static RuleSet LoadRules(string goldenPath, GoldenFile file)
    {
        string folder = Path.GetDirectoryName(goldenPath)!;
        return RuleSetLoader.Load(file.Rules, name =>
        {
            string path = Path.Combine(folder, name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        });
    }
}
