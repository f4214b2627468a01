using System.Collections.Immutable;
using System.Globalization;
using CivicDesk.Rules;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Bench.Rules;

/// <summary>One generated ERA application, as the hand-written function reads it; synthetic data.</summary>
internal sealed record EraApplication(
    bool ObligatedToPayRent,
    bool QualifiedForUnemployment,
    bool CovidFinancialHardship,
    bool HousingInstabilityRisk,
    string CountyFips,
    int HouseholdSize,
    bool MonthlyBasis,
    decimal AnnualIncome,
    decimal MonthlyIncome,
    LocalDate ApplicationDate,
    ImmutableArray<(bool Unemployed, LocalDate Since)> Members)
{
    public static EraApplication Generate(Random random, IReadOnlyList<string> counties, LocalDate applied)
    {
        bool monthly = random.Next(2) == 0;
        decimal annual = random.Next(15_000, 160_000) + (random.Next(100) / 100m);
        return new EraApplication(
            random.Next(10) != 0,
            random.Next(3) == 0,
            random.Next(4) != 0,
            random.Next(5) != 0,
            counties[random.Next(counties.Count)],
            random.Next(1, 11),
            monthly,
            annual,
            decimal.Round(annual / 12, 2),
            applied,
            [.. Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => (random.Next(3) == 0, applied.PlusDays(-random.Next(30, 200))))]);
    }

    public RuleInputs ToInputs(RuleSet rules)
    {
        ImmutableArray<string> fields = ["currently_unemployed", "unemployed_since"];
        return RuleInputs.For(rules)
            .Set("obligated_to_pay_rent", Value.Of(ObligatedToPayRent))
            .Set("qualified_for_unemployment", Value.Of(QualifiedForUnemployment))
            .Set("covid_financial_hardship", Value.Of(CovidFinancialHardship))
            .Set("housing_instability_risk", Value.Of(HousingInstabilityRisk))
            .Set("county_fips", Value.Of(CountyFips))
            .Set("household_size", Value.Of((long)HouseholdSize))
            .Set("income_basis", Value.Of(MonthlyBasis ? "monthly" : "annual"))
            .Set("annual_income", Value.Of(AnnualIncome))
            .Set("monthly_income", Value.Of(MonthlyIncome))
            .Set("application_date", Value.Of(ApplicationDate))
            .Set("members", new ListValue([.. Members.Select(m =>
                (Value)new RecordValue(fields, [Value.Of(m.Unemployed), Value.Of(m.Since)]))]));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CountyFips} x{HouseholdSize} {AnnualIncome}");
}
