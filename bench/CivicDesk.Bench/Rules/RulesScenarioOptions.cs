using System.Globalization;

namespace CivicDesk.Bench.Rules;

/// <summary>Options of the rules scenario: how many evaluations, over how many distinct applications.</summary>
internal sealed record RulesScenarioOptions(int Applications, int Distinct, string RulesFile)
{
    public static RulesScenarioOptions Parse(string[] args)
    {
        int applications = 1_000_000;
        int distinct = 100_000;
        string rules = Path.Combine(AppContext.BaseDirectory, "samples", "rules", "era.rules");
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--applications":
                    applications = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--distinct":
                    distinct = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--rules":
                    rules = args[i + 1];
                    break;
            }
        }

        return new RulesScenarioOptions(applications, Math.Min(distinct, applications), rules);
    }
}
