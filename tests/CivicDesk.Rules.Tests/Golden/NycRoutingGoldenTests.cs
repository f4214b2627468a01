using CivicDesk.Rules.Golden;
using CivicDesk.Testing;

namespace CivicDesk.Rules.Tests.Golden;

public sealed class NycRoutingGoldenTests
{
    private static readonly string GoldenPath = RepositoryPaths.Samples("rules", "nyc-routing.golden.yaml");
    private static readonly Lazy<(GoldenFile File, RuleSet Rules)> Loaded = new(() =>
    {
        GoldenFile file = GoldenYaml.Read(GoldenPath);
        return (file, GoldenYaml.LoadRules(GoldenPath, file));
    });

    public static TheoryData<string> CaseNames() => [.. GoldenYaml.Read(GoldenPath).Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void NycRoutingGoldenCase_Evaluated_MatchesItsExpectations(string name)
    {
        (GoldenFile file, RuleSet rules) = Loaded.Value;
        GoldenCase golden = file.Cases.Single(c => c.Name == name);

        List<string> problems = GoldenRunner.Run(rules, file, golden);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void NycRouting_EveryCatalogueService_HasADepartment()
    {
        RuleSet rules = Loaded.Value.Rules;
        string catalogue = File.ReadAllText(RepositoryPaths.Samples("catalog", "nyc.json"));
        using System.Text.Json.JsonDocument document = System.Text.Json.JsonDocument.Parse(catalogue);

        System.Text.Json.JsonElement services = document.RootElement.GetProperty("services");
        foreach (System.Text.Json.JsonElement service in services.EnumerateArray())
        {
            Evaluation.RuleInputs inputs = Evaluation.RuleInputs.For(rules)
                .Set("service_code", Values.Value.Of(service.GetProperty("code").GetString()!));

            Values.Value department = rules.Evaluate(inputs, TestRules.AsOf)["department"];

            Assert.Equal(service.GetProperty("department").GetString(), (department as Values.TextValue)?.Value);
        }
    }
}
