using System.Text.Json;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;
using CivicDesk.Testing;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.CaseTypes;
using CivicDesk.Workflow.Sla;
using NodaTime;

namespace CivicDesk.Workflow.Tests.CaseTypes;

/// <summary>The demo's shared 311 case type and NYC business calendar (samples/), as Core will load them.</summary>
public sealed class NycSampleTests
{
    // Core's StaffRole names; Core is not referenced from the pure library's tests.
    private static readonly CaseTypeContext Context = new(["Agent", "Supervisor", "Administrator"], ["nyc-business"]);

    private static readonly Lazy<CaseType> Nyc311 = new(() =>
    {
        CaseTypeLoad load = CaseTypeFixtures.LoadSample("nyc-311.yaml", Context);
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Problems));
        return load.CaseType!;
    });

    private static readonly Lazy<BusinessCalendar> NycCalendar = new(() =>
    {
        string path = RepositoryPaths.Samples("calendars", "nyc.yaml");
        CalendarLoad load = CalendarLoader.Load("samples/calendars/nyc.yaml", File.ReadAllText(path),
            DateTimeZoneProviders.Tzdb);
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Problems));
        return load.Calendar!;
    });

    public static TheoryData<string> ServiceCodes()
    {
        string path = RepositoryPaths.Samples("catalog", "nyc.json");
        using JsonDocument catalog = JsonDocument.Parse(File.ReadAllText(path));
        return [.. catalog.RootElement.GetProperty("services").EnumerateArray()
            .Select(s => s.GetProperty("code").GetString()!)];
    }

    [Fact]
    public void Nyc311_StateIds_AreCoreCaseStatusNamesInSnakeCase()
    {
        // CivicDesk.Core.Cases.CaseStatus: New, Open, InProgress, OnHold, Closed, Cancelled, Referred.
        Assert.Equal(["new", "open", "in_progress", "on_hold", "closed", "cancelled", "referred"],
            Nyc311.Value.States.Select(s => s.Id));
        Assert.Equal(StateKind.Paused, Nyc311.Value.State("on_hold")!.Kind);
    }

    [Theory]
    [MemberData(nameof(ServiceCodes))]
    public void Nyc311_EveryCatalogueService_GetsBothClocksAndARoute(string serviceCode)
    {
        IReadOnlyList<CaseTypeClock> clocks = CaseTypeOperations.SlaClockDefinitions(Nyc311.Value, serviceCode);
        RuleInputs inputs = RuleInputs.For(Nyc311.Value.Routing!.RuleSet)
            .Set("service_code", Value.Of(serviceCode))
            .Set("location_type", Value.Of("RESIDENTIAL BUILDING"));
        EvaluationResult route = Nyc311.Value.Routing.RuleSet.Evaluate(inputs, new LocalDate(2026, 12, 4));

        Assert.Equal(["first-response", "resolution"], clocks.Select(c => c.Definition.Id));
        Assert.All(clocks, c => Assert.Equal("nyc-business", c.Calendar));
        Assert.IsType<TextValue>(route["department"]);
        Assert.IsType<IntegerValue>(route["priority"]);
    }

    [Fact]
    public void Nyc311_ServiceOverrides_NameOnlyCatalogueServices()
    {
        HashSet<string> catalogue = [.. ServiceCodes()];

        Assert.All(Nyc311.Value.Sla.SelectMany(s => s.Services.Keys), code => Assert.Contains(code, catalogue));
    }

    [Fact]
    public void Nyc311_HeatComplaint_IsDueTwentyFourHoursLaterNightOrDay()
    {
        CaseTypeClock resolution = CaseTypeOperations.SlaClockDefinitions(Nyc311.Value, "heat-hot-water")[1];
        Instant opened = Instant.FromUtc(2026, 12, 4, 23, 0);   // Friday 18:00 in New York

        SlaClockStatus status = SlaClock.Evaluate(resolution.Definition, NycCalendar.Value,
            [new StateEntered(opened, "new")], opened + Duration.FromHours(1));

        Assert.Equal(opened + Duration.FromHours(24), status.Deadline);
    }

    [Fact]
    public void Nyc311_Pothole_IsDueAtCloseOfTheTenthBusinessDayAroundThanksgiving()
    {
        CaseTypeClock resolution = CaseTypeOperations.SlaClockDefinitions(Nyc311.Value, "street-condition")[1];
        Instant opened = Instant.FromUtc(2026, 11, 20, 15, 0);  // Friday 2026-11-20 10:00 EST

        SlaClockStatus status = SlaClock.Evaluate(resolution.Definition, NycCalendar.Value,
            [new StateEntered(opened, "new")], opened);

        // Following days: 11-23, 24, 25, (26 Thanksgiving), 27, 30, 12-01, 02, 03, 04, 07 → close 18:00 EST.
        Assert.Equal(Instant.FromUtc(2026, 12, 7, 23, 0), status.Deadline);
    }

    [Theory]
    [InlineData("2026-07-03")]   // Independence Day on a Saturday, observed Friday
    [InlineData("2026-11-26")]   // Thanksgiving
    [InlineData("2027-12-24")]   // Christmas on a Saturday, observed Friday
    [InlineData("2027-01-18")]   // Martin Luther King Jr. Day
    [InlineData("2026-12-05")]   // a Saturday
    public void NycCalendar_HolidaysAndWeekends_AreNotBusinessDays(string date)
    {
        Assert.False(NycCalendar.Value.IsBusinessDay(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value));
    }

    [Fact]
    public void NycCalendar_OrdinaryFriday_IsOpenEightToSix()
    {
        IReadOnlyList<Interval> open = NycCalendar.Value.OpenIntervalsOn(new LocalDate(2026, 12, 4));

        Assert.Equal([new Interval(Instant.FromUtc(2026, 12, 4, 13, 0), Instant.FromUtc(2026, 12, 4, 23, 0))], open);
    }

    [Fact]
    public void Nyc311_TransitionToUndeclaredState_GivesTheProblemShownInTheDocs()
    {
        string path = RepositoryPaths.Samples("case-types", "nyc-311.yaml");
        string yaml = File.ReadAllText(path).Replace("    to: closed\n", "    to: done\n", StringComparison.Ordinal);

        CaseTypeLoad load = CaseTypeLoader.Load("samples/case-types/nyc-311.yaml", yaml,
            name => File.ReadAllText(Path.Combine(RepositoryPaths.Samples("case-types"), name)), Context);

        Assert.Contains("samples/case-types/nyc-311.yaml:68:9: transition 'close' goes to undeclared state 'done'; "
            + "declared states are: new, open, in_progress, on_hold, closed, cancelled, referred",
            load.Problems.Select(p => p.ToString()));
    }
}
