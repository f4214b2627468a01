using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Golden;
using CivicDesk.Rules.Tests.Golden;
using CivicDesk.Rules.Values;
using CivicDesk.Testing;
using CsCheck;
using NodaTime;

namespace CivicDesk.Rules.Tests.Compilation;

/// <summary>
/// The compiled rule set must agree with the reference interpreter on outputs and on every trace entry, for
/// generated inputs in which any input may be missing and values sit around the decisive limits.
/// </summary>
public sealed class CompiledAgreementTests
{
    private static readonly Lazy<RuleSet> Era = new(() =>
    {
        string path = RepositoryPaths.Samples("rules", "era.golden.yaml");
        return GoldenYaml.LoadRules(path, GoldenYaml.Read(path));
    });

    private static readonly string[] Counties = ["3606199999", "0100199999", "0600199999", "9999999999"];

    internal const string KitchenSinkText = """
        input a : boolean
        input b : boolean
        input n : integer
        input x : decimal
        input d : date
        input tags : list of text
        input people : list of record(age : integer, income : decimal)
        parameter cap : decimal unit "USD" label "Cap" citation "test"
          from 2025-01-01 until 2025-06-30: 100.50
          from 2025-07-01: 120
        define both = a and b
        define either = a or not b
        define capped = min(x, cap)
        define band = if n < 3 then "small" else if n in [3..5] then "medium" else "large"
        define adults = count(people, p -> p.age >= 18)
        define total = round_cents(sum(people, p -> p.income) + x)
        define richest = max(people, p -> p.income)
        define tagged = "urgent" in tags or any(tags, t -> t = "x")
        define recent = days_between(d, as_of) <= 30 and months_between(d, as_of) < 1
        define adult_share = if count(people) = 0 then 0.0 else decimal(adults) / decimal(count(people))
        table route
          hit first
          input band
          input either
          output team : text
          output level : integer
          row r1: "small", true -> "alpha", 1
          row r2: ["medium", "large"], - -> "beta", 2
          row r3: -, - -> "gamma", 3
        table level
          hit priority
          input n
          input x
          output level : text order "high", "medium", "low"
          row r1: > 2, - -> "low"
          row r2: -, >= 50 -> "medium"
          row r3: > 6, > 10 -> "high"
        table points
          hit collect sum
          input n
          input both
          output p : decimal
          row r1: [1..4], - -> 1.5
          row r2: -, true -> 2
          row r3: > 3, - -> capped
        table reasons
          hit collect
          input tagged
          input recent
          output why : text
          row t: true, - -> "tagged"
          row r: -, true -> "recent"
        table unique_band
          hit unique
          input n
          output size : text
          row s: < 3 -> "small"
          row m: [3..5] -> "medium"
          row l: > 5 -> "large"
        outputs both, either, capped, band, adults, total, richest, tagged, recent, adult_share, route, level, points
        outputs reasons, unique_band
        """;

    [Fact]
    public void EraRules_GeneratedApplications_CompiledAgreesWithInterpreterIncludingTraces()
    {
        RuleSet rules = Era.Value;

        Gen.Int.Sample(seed => AssertAgree(rules, EraApplication(new Random(seed)), EraAsOf(seed)), iter: 3000);
    }

    [Fact]
    public void KitchenSinkRules_GeneratedInputs_CompiledAgreesWithInterpreterIncludingTraces()
    {
        RuleSet rules = TestRules.Load(KitchenSinkText);

        Gen.Int.Sample(seed => AssertAgree(rules, SinkInputs(new Random(seed)), SinkAsOf(seed)), iter: 5000);
    }

    private static void AssertAgree(RuleSet rules, Dictionary<string, object?> data, LocalDate asOf)
    {
        RuleInputs inputs = InputReader.Read(rules, data);

        EvaluationResult interpreted = rules.Evaluate(inputs, asOf, trace: true);
        EvaluationResult compiled = rules.Compile().Evaluate(inputs, asOf, trace: true);

        List<string> differences = [.. GoldenRunner.Differences(interpreted, compiled)];
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(interpreted.Outputs, rules.Compile().Evaluate(inputs, asOf).Outputs);
    }

    private static LocalDate EraAsOf(int seed) => new LocalDate(2024, 3, 1).PlusDays(Math.Abs(seed % 700));

    private static LocalDate SinkAsOf(int seed) => new LocalDate(2025, 5, 1).PlusDays(Math.Abs(seed % 120));

    private static Dictionary<string, object?> EraApplication(Random random)
    {
        string? Maybe(string value) => random.Next(8) == 0 ? null : value;
        string Flag() => random.Next(2) == 0 ? "true" : "false";
        decimal limit = random.Next(3) switch { 0 => 129600m, 1 => 81000m, _ => 124400m };
        decimal income = limit + (random.Next(-3, 4) * 0.01m)
            + (random.Next(3) == 0 ? random.Next(-50000, 50000) : 0);
        LocalDate applied = new LocalDate(2024, 3, 1).PlusDays(random.Next(700));
        List<object?> members = [.. Enumerable.Range(0, random.Next(4)).Select(_ =>
            (object?)new Dictionary<object, object?>
        {
            ["currently_unemployed"] = Maybe(Flag()),
            ["unemployed_since"] = Maybe(applied.PlusDays(-random.Next(80, 100)).ToString("yyyy-MM-dd", null)),
        })];
        return new Dictionary<string, object?>
        {
            ["obligated_to_pay_rent"] = Maybe(Flag()),
            ["qualified_for_unemployment"] = Maybe(Flag()),
            ["covid_financial_hardship"] = Maybe(Flag()),
            ["housing_instability_risk"] = Maybe(Flag()),
            ["county_fips"] = Maybe(Counties[random.Next(Counties.Length)]),
            ["household_size"] = Maybe(random.Next(0, 12).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["income_basis"] = Maybe(random.Next(2) == 0 ? "annual" : "monthly"),
            ["annual_income"] = Maybe(income.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["monthly_income"] =
                Maybe((income / 12).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
            ["application_date"] = Maybe(applied.ToString("yyyy-MM-dd", null)),
            ["members"] = random.Next(8) == 0 ? null : members,
        };
    }

    private static Dictionary<string, object?> SinkInputs(Random random)
    {
        string? Maybe(string value) => random.Next(6) == 0 ? null : value;
        string Number(int low, int high) =>
            random.Next(low, high).ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<object?> people = [.. Enumerable.Range(0, random.Next(4)).Select(_ =>
            (object?)new Dictionary<object, object?>
        {
            ["age"] = Maybe(Number(10, 30)),
            ["income"] = Maybe(Number(0, 200) + ".25"),
        })];
        return new Dictionary<string, object?>
        {
            ["a"] = Maybe(random.Next(2) == 0 ? "true" : "false"),
            ["b"] = Maybe(random.Next(2) == 0 ? "true" : "false"),
            ["n"] = Maybe(Number(0, 9)),
            ["x"] = Maybe(Number(0, 150) + ".5"),
            ["d"] = Maybe(new LocalDate(2025, 4, 1).PlusDays(random.Next(90)).ToString("yyyy-MM-dd", null)),
            ["tags"] = random.Next(6) == 0
                ? null
                : Enumerable.Range(0, random.Next(3)).Select(i => (object?)(random.Next(3) switch
                {
                    0 => "urgent",
                    1 => "x",
                    _ => "plain",
                })).ToList(),
            ["people"] = random.Next(6) == 0 ? null : people,
        };
    }
}
