using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Records;
using CivicDesk.Rules.Golden;
using CivicDesk.Rules.Tests.Golden;
using CivicDesk.Testing;
using NodaTime;

namespace CivicDesk.Rules.Tests.Records;

public sealed class DecisionRecordTests
{
    private static readonly string GoldenPath = RepositoryPaths.Samples("rules", "era.golden.yaml");

    [Fact]
    public void Replay_EveryEraGoldenCase_GivesAnIdenticalRecord()
    {
        GoldenFile file = GoldenYaml.Read(GoldenPath);
        RuleSet rules = GoldenYaml.LoadRules(GoldenPath, file);

        foreach (GoldenCase golden in file.Cases)
        {
            RuleInputs inputs = GoldenRunner.Inputs(rules, file, golden);
            DecisionRecord record = DecisionRecords.Decide(rules, inputs, NodaTime.Text.LocalDatePattern.Iso
                .Parse(golden.AsOf).Value);

            DecisionRecord replayed = DecisionRecords.Replay(GoldenYaml.LoadRules(GoldenPath, file), record);

            Assert.Equal(record, replayed);
        }
    }

    [Fact]
    public void Decide_EraCase_RecordsRuleSetInputsHashOutputsAndTrace()
    {
        GoldenFile file = GoldenYaml.Read(GoldenPath);
        RuleSet rules = GoldenYaml.LoadRules(GoldenPath, file);
        GoldenCase golden = file.Cases[0];

        DecisionRecord record = DecisionRecords.Decide(rules, GoldenRunner.Inputs(rules, file, golden),
            new LocalDate(2025, 6, 2));

        Assert.Equal("us.treasury.era", record.RuleSetId);
        Assert.Equal("2025.1", record.RuleSetVersion);
        Assert.Equal(rules.ContentHash, record.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", record.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", record.InputsHash);
        Assert.Contains("\"annual_income\":\"129600.00\"", record.Inputs, StringComparison.Ordinal);
        Assert.Equal("{\"eligible\":true,\"prioritised\":false,\"priority_reasons\":[]}", record.Outputs);
        Assert.Contains("{\"name\":\"income_within_limit\",\"status\":\"True\",\"value\":true}", record.Trace,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_WithAnotherVersionOfTheRules_IsRefused()
    {
        RuleSet first = TestRules.Load("input a : boolean\ndefine result = a\noutputs result");
        RuleSet changed = TestRules.Load("input a : boolean\ndefine result = not a\noutputs result");
        DecisionRecord record = DecisionRecords.Decide(first, RuleInputs.For(first), TestRules.AsOf);

        Assert.Throws<ArgumentException>(() => DecisionRecords.Replay(changed, record));
    }
}
