using System.Globalization;

namespace CivicDesk.Bench.Deadlines;

/// <summary>Options of the deadline scenario: how many cases, how many rounds.</summary>
internal sealed record DeadlineScenarioOptions(int Cases, int Rounds)
{
    public static DeadlineScenarioOptions Parse(string[] args)
    {
        Dictionary<string, string> named = [];
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            named[args[i].TrimStart('-')] = args[i + 1];
        }

        return new DeadlineScenarioOptions(Number(named, "cases", 1_000_000), Number(named, "rounds", 3));
    }

    private static int Number(Dictionary<string, string> named, string key, int fallback) =>
        named.TryGetValue(key, out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
