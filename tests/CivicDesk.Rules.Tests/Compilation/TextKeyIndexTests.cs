using CivicDesk.Rules.Compilation;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Tests.Golden;
using CivicDesk.Rules.Values;
using CivicDesk.Testing;
using NodaTime;

namespace CivicDesk.Rules.Tests.Compilation;

/// <summary>
/// Without trace, a parameter table keyed by text (then a number) is looked up through a <see cref="TextKeyIndex"/>:
/// the text picks its rows, the number one of them. These tests hold the index to the parameter's own look-up, for
/// every key of HUD's limits on both sides of the fiscal-year change, and to the interpreter for every key shape,
/// dated period, missing key and unknown key of a small rule set.
/// </summary>
public sealed class TextKeyIndexTests
{
    private const string ShapeRules = """
        input name : text
        input size : integer
        input since : date
        input flag : boolean
        parameter table by_name(name : text) : decimal unit "USD" label "By name" citation "test"
          from 2025-01-01 until 2025-05-31
            "a": 1.25
            "b": 2
          from 2025-06-02
            "a": 3
        parameter table by_name_size(name : text, size : integer) : integer unit "n" label "By two" citation "test"
          from 2025-01-01
            columns 1, 2, 3
            "a": 10 20 30
            "b": 40 50 60
            "": 70 80 90
        parameter table by_name_date(name : text, on : date) : text unit "-" label "By date" citation "test"
          from 2025-01-01
            "a", 2025-05-01: "may"
            "a", 2025-06-01: "june"
        parameter table by_name_flag(name : text, flag : boolean) : decimal unit "USD" label "By flag" citation "test"
          from 2025-01-01
            "a", true: 1
            "a", false: 0
        parameter table by_size_name(size : integer, name : text) : integer unit "n" label "Not by text" citation "test"
          from 2025-01-01
            1, "a": 1
        define named = by_name(name)
        define sized = by_name_size(name, size)
        define dated = by_name_date(name, since)
        define flagged = by_name_flag(name, flag)
        define other = by_size_name(size, name)
        outputs named, sized, dated, flagged, other
        """;

    [Fact]
    public void EraRules_HudTables_AreLookedUpThroughTheTextIndex()
    {
        string path = RepositoryPaths.Samples("rules", "era.golden.yaml");
        RuleSet rules = GoldenYaml.LoadRules(path, GoldenYaml.Read(path));

        TypedProgram program = rules.Compile().Typed;

        Assert.Equal(["hud_low_income_limit", "hud_very_low_income_limit"], program.IndexedParameters);
    }

    [Fact]
    public void HudTables_EveryAreaAndSizeOnBothSidesOfTheYearChange_IndexAgreesWithTheParameter()
    {
        string path = RepositoryPaths.Samples("rules", "era.golden.yaml");
        RuleSet rules = GoldenYaml.LoadRules(path, GoldenYaml.Read(path));
        LocalDate[] dates = [new(2024, 3, 31), new(2025, 3, 31), new(2025, 4, 1), new(2026, 1, 1)];

        int compared = 0;
        foreach (RuleParameter parameter in rules.Parameters.Where(p => p.IsTable))
        {
            TextKeyIndex index = TextKeyIndex.For(parameter)!;
            string[] areas = [.. parameter.Periods.SelectMany(p => p.Table!.Keys).Select(k => k.Text1!).Distinct()];
            foreach (LocalDate date in dates)
            {
                foreach (string area in areas.Append("9999999999").Append(""))
                {
                    for (long size = 0; size <= 9; size++)
                    {
                        Value expected = parameter.Lookup(date, [Value.Of(area), Value.Of(size)]);
                        Assert.Equal(expected, index.Lookup(date, area, size));
                        compared++;
                    }
                }
            }
        }

        Assert.True(compared > 300_000, $"{compared} keys compared");
    }

    [Fact]
    public void KeyShapes_OnlyTextFirstTablesAreIndexed()
    {
        RuleSet rules = TestRules.Load(ShapeRules);

        TypedProgram program = rules.Compile().Typed;

        Assert.Equal(["by_name", "by_name_size", "by_name_date", "by_name_flag"], program.IndexedParameters);
        Assert.Empty(program.Untyped);
    }

    [Fact]
    public void KeyShapes_EveryKeyPeriodAndUnknown_AgreeWithInterpreter()
    {
        RuleSet rules = TestRules.Load(ShapeRules);
        CompiledRuleSet compiled = rules.Compile();
        string?[] names = [null, "a", "b", "", "A", "c"];
        long?[] sizes = [null, 0, 1, 3, 4];
        LocalDate?[] dates = [null, new(2025, 5, 1), new(2025, 6, 1), new(2025, 6, 2)];
        bool?[] flags = [null, true, false];
        LocalDate[] asOfs = [new(2024, 12, 31), new(2025, 5, 31), new(2025, 6, 1), new(2025, 6, 2)];

        int evaluated = 0;
        foreach (string? name in names)
        {
            foreach (long? size in sizes)
            {
                foreach (LocalDate? since in dates)
                {
                    foreach (bool? flag in flags)
                    {
                        RuleInputs inputs = RuleInputs.For(rules);
                        SetIf(inputs, "name", name is null ? null : Value.Of(name));
                        SetIf(inputs, "size", size is { } n ? Value.Of(n) : null);
                        SetIf(inputs, "since", since is { } d ? Value.Of(d) : null);
                        SetIf(inputs, "flag", flag is { } f ? Value.Of(f) : null);
                        foreach (LocalDate asOf in asOfs)
                        {
                            Assert.Equal(rules.Evaluate(inputs, asOf).Outputs, compiled.Evaluate(inputs, asOf).Outputs);
                            evaluated++;
                        }
                    }
                }
            }
        }

        RuleInputs known = RuleInputs.For(rules).Set("name", Value.Of("b")).Set("size", Value.Of(2L));
        Assert.Equal(Value.Of(50L), compiled.Evaluate(known, TestRules.AsOf)["sized"]);
        Assert.Equal(Value.Unknown("name"), compiled.Evaluate(RuleInputs.For(rules), TestRules.AsOf)["named"]);
        Assert.Equal(names.Length * sizes.Length * dates.Length * flags.Length * asOfs.Length, evaluated);
    }

    private static void SetIf(RuleInputs inputs, string name, Value? value)
    {
        if (value is not null)
        {
            inputs.Set(name, value);
        }
    }
}
