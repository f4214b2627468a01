using System.Text;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Testing;

namespace CivicDesk.Rules.Tests.Fuzzing;

/// <summary>
/// Random and mutated rule texts must only ever fail as a <see cref="RulesLoadException"/>; a text that does load
/// must also evaluate without throwing. Seeded, so a failure names the iteration that reproduces it.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Iterations = 100_000;

    private static readonly string[] Vocabulary =
    [
        "rules", "\"id\"", "version", "\"1\"", "include", "outputs", "input", "parameter", "table", "define", "row",
        "from", "until", "columns", "label", "label.es", "citation", "unit", "hit", "unique", "first", "priority",
        "collect", "sum", "complete", "output", "order", "if", "then", "else", "and", "or", "not", "in", "true",
        "false", "boolean", "integer", "decimal", "text", "date", "duration", "list", "of", "record", "count", "any",
        "all", "min", "max", "age_on", "days_between", "months_between", "round_cents", "floor", "days", "months",
        "as_of", "x", "y", "result", "a", ":", ",", "(", ")", "[", "]", "..", ".", "=", "<>", "<", "<=", ">", ">=",
        "+", "-", "*", "/", "->", "0", "1", "90", "0.80", "99999999999999999999999", "2025-04-01", "2025-13-01",
        "2024-02-30", "\"text\"", "\"unterminated", "\\", "#", "\n", "\n", " ", "@", "é", "\u0000",
    ];

    [Fact]
    public void Load_RandomAndMutatedRuleTexts_OnlyEverThrowsRulesLoadException()
    {
        string[] seeds = Seeds();
        Random random = new(20261204);
        int loaded = 0;

        for (int i = 0; i < Iterations; i++)
        {
            string text = i % 3 == 0 ? TokenSoup(random) : Mutate(seeds[SeedIndex(random)], random);
            Exception? unexpected = LoadAndEvaluate(text, evaluate: i % 10 == 0, ref loaded);
            Assert.True(unexpected is null, $"iteration {i}: {unexpected}\n--- text ---\n{text}");
        }

        Assert.True(loaded > 100, $"only {loaded} texts loaded; the mutations are too destructive to test checking");
    }

    /// <summary>
    /// The ERA seed takes about 40 times longer to load than the small one (in the Debug build tests run in), so it
    /// is mutated in one case in twenty to keep the test at a few seconds.
    /// </summary>
    private static int SeedIndex(Random random) => random.Next(20) switch
    {
        0 => 0,
        < 6 => 1,
        _ => 2,
    };

    private static Exception? LoadAndEvaluate(string text, bool evaluate, ref int loaded)
    {
        try
        {
            RuleSet rules = RuleSetLoader.Load("fuzz.rules", text);
            loaded++;
            if (evaluate)
            {
                rules.Evaluate(RuleInputs.For(rules), TestRules.AsOf, trace: true);
            }

            return null;
        }
        catch (RulesLoadException)
        {
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static string[] Seeds()
    {
        string era = File.ReadAllText(RepositoryPaths.Samples("rules", "era.rules"))
            .Replace("include \"era-hud-income-limits.rules\"", SmallLimits, StringComparison.Ordinal);
        return [era, "rules \"t\" version \"1\"\n" + Compilation.CompiledAgreementTests.KitchenSinkText, Tiny];
    }

    private const string Tiny = """
        rules "t" version "1"
        input n : integer
        define result = if n in [1..8] then n * 2 else 0
        outputs result
        """;

    private const string SmallLimits = """
        parameter table hud_low_income_limit(county_fips : text, household_size : integer) : decimal
          unit "USD" label "L" citation "C"
          from 2024-04-01
            columns 1, 2, 3, 4, 5, 6, 7, 8
            "3606199999": 90750 103700 116650 129600 140000 150350 160750 171100
        parameter table hud_very_low_income_limit(county_fips : text, household_size : integer) : decimal
          unit "USD" label "L" citation "C"
          from 2024-04-01
            columns 1, 2, 3, 4, 5, 6, 7, 8
            "3606199999": 56700 64800 72900 81000 87500 94000 100450 106950
        """;

    private static string TokenSoup(Random random)
    {
        StringBuilder builder = new();
        int count = random.Next(1, 60);
        for (int i = 0; i < count; i++)
        {
            builder.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(random.Next(4) == 0 ? "\n" : " ");
        }

        return builder.ToString();
    }

    private static string Mutate(string seed, Random random)
    {
        StringBuilder builder = new(seed);
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations && builder.Length > 0; m++)
        {
            int at = random.Next(builder.Length);
            int length = Math.Min(random.Next(1, 12), builder.Length - at);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, length);
                    break;
                case 1:
                    builder.Insert(at, Vocabulary[random.Next(Vocabulary.Length)]);
                    break;
                case 2:
                    builder.Insert(at, builder.ToString(random.Next(builder.Length - length + 1), length));
                    break;
                case 3:
                    builder[at] = (char)random.Next(32, 127);
                    break;
                default:
                    builder.Insert(at, new string(builder[at], random.Next(1, 300)));
                    break;
            }
        }

        return builder.ToString();
    }
}
