using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace CivicDesk.Bench.Rules;

/// <summary>
/// The ERA test written directly in C#, as a baseline: the same limits (read from the generated rule file), the
/// same income, household-size and 90-day rules, for applications where every input is known. It gives the same
/// three outputs as the rule set (eligible, prioritised and the reasons for priority, which only eligible households
/// have), and like the rule set looks up the 50% limit and scans the members only for eligible households.
/// </summary>
internal sealed partial class HandWrittenEra
{
    private readonly List<(LocalDate From, LocalDate? Until, Dictionary<(string, int), decimal> Low,
        Dictionary<(string, int), decimal> VeryLow)> _years = [];

    public HandWrittenEra(string limitsFile)
    {
        string text = File.ReadAllText(limitsFile);
        string[] tables = text.Split("parameter table ", StringSplitOptions.RemoveEmptyEntries);
        List<List<(LocalDate, LocalDate?, Dictionary<(string, int), decimal>)>> parsed =
            [.. tables.Where(t => t.StartsWith("hud_", StringComparison.Ordinal)).Select(ParseTable)];
        for (int i = 0; i < parsed[0].Count; i++)
        {
            (LocalDate from, LocalDate? until, Dictionary<(string, int), decimal> low) = parsed[0][i];
            _years.Add((from, until, low, parsed[1][i].Item3));
        }
    }

    public IReadOnlyList<string> Counties => [.. _years[^1].Low.Keys.Select(k => k.Item1).Distinct()];

    public (bool Eligible, bool Prioritised, string[] Reasons) Decide(EraApplication application, LocalDate asOf)
    {
        int index = 0;
        while (!(_years[index].From <= asOf && (_years[index].Until is null || asOf <= _years[index].Until)))
        {
            index++;
        }

        var year = _years[index];
        decimal income = application.MonthlyBasis ? application.MonthlyIncome * 12 : application.AnnualIncome;
        decimal low = Limit(year.Low, application.CountyFips, application.HouseholdSize);
        bool eligible = application.ObligatedToPayRent
            && (application.QualifiedForUnemployment || application.CovidFinancialHardship)
            && application.HousingInstabilityRisk
            && income <= low;
        if (!eligible)
        {
            return (false, false, []);
        }

        bool veryLow = income <= Limit(year.VeryLow, application.CountyFips, application.HouseholdSize);
        bool unemployed = false;
        foreach ((bool isUnemployed, LocalDate since) in application.Members)
        {
            if (isUnemployed && Period.DaysBetween(since, application.ApplicationDate) >= 90)
            {
                unemployed = true;
                break;
            }
        }

        string[] reasons = (veryLow, unemployed) switch
        {
            (true, true) => ["very_low_income", "unemployed_90_days"],
            (true, false) => ["very_low_income"],
            (false, true) => ["unemployed_90_days"],
            _ => [],
        };
        return (true, veryLow || unemployed, reasons);
    }

    private static decimal Limit(Dictionary<(string, int), decimal> table, string county, int size) =>
        size <= 8 ? table[(county, size)] : table[(county, 4)] * (1.32m + (0.08m * (size - 8)));

    private static List<(LocalDate, LocalDate?, Dictionary<(string, int), decimal>)> ParseTable(string table)
    {
        List<(LocalDate, LocalDate?, Dictionary<(string, int), decimal>)> periods = [];
        foreach (string period in table.Split("  from ")[1..])
        {
            Match dates = Dates().Match(period);
            Dictionary<(string, int), decimal> values = [];
            foreach (Match row in Row().Matches(period))
            {
                string[] numbers = row.Groups[2].Value.Split(' ');
                for (int size = 1; size <= numbers.Length; size++)
                {
                    decimal limit = decimal.Parse(numbers[size - 1], CultureInfo.InvariantCulture);
                    values[(row.Groups[1].Value, size)] = limit;
                }
            }

            periods.Add((Date(dates.Groups[1].Value), dates.Groups[2].Success ? Date(dates.Groups[2].Value) : null,
                values));
        }

        return periods;
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?: until (\d{4}-\d{2}-\d{2}))?")]
    private static partial Regex Dates();

    [GeneratedRegex("\"(\\d{10})\": ([0-9 ]+)")]
    private static partial Regex Row();
}
