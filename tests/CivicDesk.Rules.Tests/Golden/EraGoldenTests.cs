using CivicDesk.Rules.Golden;
using CivicDesk.Testing;

namespace CivicDesk.Rules.Tests.Golden;

public sealed class EraGoldenTests
{
    private static readonly string GoldenPath = RepositoryPaths.Samples("rules", "era.golden.yaml");
    private static readonly Lazy<(GoldenFile File, RuleSet Rules)> Loaded = new(() =>
    {
        GoldenFile file = GoldenYaml.Read(GoldenPath);
        return (file, GoldenYaml.LoadRules(GoldenPath, file));
    });

    public static TheoryData<string> CaseNames() => [.. GoldenYaml.Read(GoldenPath).Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EraGoldenCase_Evaluated_MatchesItsExpectations(string name)
    {
        (GoldenFile file, RuleSet rules) = Loaded.Value;
        GoldenCase golden = file.Cases.Single(c => c.Name == name);

        List<string> problems = GoldenRunner.Run(rules, file, golden);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EraRules_Loaded_HaveLimitsForEveryHudAreaInBothYears()
    {
        RuleSet rules = Loaded.Value.Rules;

        Model.RuleParameter limits = rules.Parameters.Single(p => p.Name == "hud_low_income_limit");

        Assert.Equal(2, limits.Periods.Length);
        Assert.All(limits.Periods, p => Assert.Equal(4764 * 8, p.Table!.Count));
    }
}
