namespace CivicDesk.Workflow.Tests.CaseTypes;

/// <summary>Problems in routing, triage, SLA targets and escalations, each with exact message and position.</summary>
public sealed class CaseTypeSectionTests
{
    // Appended after the small case type, so its first line (routing) is line 23.
    private const string Sections = """

        routing:
          rules: route.rules
          department: department
        triage:
          rules: route.rules
          priority: priority
        sla:
          - clock: resolution
            calendar: weekdays
            start: {states: [new]}
            stop: {states: [closed]}
            target: {amount: 2, unit: business-days}
            warnings: [{id: soon, business-hours-before: 4}]
            services:
              urgent: {amount: 8, unit: calendar-hours}
        escalations:
          - id: late
            clock: resolution
            on: warning
            warning: soon
            notify: [{to: role, role: Supervisor, template: sla.soon}]
        """;

    private static readonly string Full = CaseTypeFixtures.Small + Sections;

    [Fact]
    public void Load_AllSections_HasNoProblems()
    {
        Workflow.CaseTypes.CaseType caseType = CaseTypeFixtures.LoadValid(Full);

        Assert.Equal("department", caseType.Routing!.Outputs["department"]);
        Assert.Equal("test.route", caseType.Triage!.RuleSetId);
        Assert.Equal("late", Assert.Single(caseType.Escalations).Id);
    }

    [Fact]
    public void Load_RoutingOutputThatDoesNotExist_ListsTheOutputs()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "department: department", "department: dept");

        Assert.Equal(["t.yaml:25:15: routing department: 'dept' is not an output of rule set 'test.route'; "
            + "its outputs are: department, priority"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_TriageOutputOfTheWrongType_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "priority: priority", "priority: department");

        Assert.Equal(["t.yaml:28:13: triage priority: output 'department' must be integer, but rule set "
            + "'test.route' gives text"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_MissingRuleFile_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "  rules: route.rules\n  department",
            "  rules: nope.rules\n  department");

        Assert.Equal(["t.yaml:24:10: routing rules: no rule file 'nope.rules'"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_RuleInputThatIsNotAField_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "{name: note, type: text}", "{name: note, type: integer}");
        yaml = CaseTypeFixtures.Replace(yaml, "requires: [note]", "requires: [score]");

        Assert.Equal(["t.yaml:24:10: routing rules: input 'note' (text) of rule set 'test.route' must be a field "
            + "of the case type with that type"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_CalendarNotProvided_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "calendar: weekdays", "calendar: weekends");

        Assert.Equal(["t.yaml:31:15: SLA clock 'resolution' uses calendar 'weekends', which is not provided; "
            + "provided calendars are: weekdays"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_ClockStoppingInUndeclaredState_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "stop: {states: [closed]}", "stop: {states: [done]}");

        Assert.Equal(["t.yaml:33:21: SLA clock 'resolution' stop names undeclared state 'done'; declared states are: "
            + "new, open, closed"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_UnknownSlaUnit_ListsTheUnits()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "unit: business-days", "unit: fortnights");

        Assert.Equal(["t.yaml:34:31: SLA clock 'resolution' target unit must be one of: business-hours, "
            + "business-days, calendar-hours, calendar-days; found 'fortnights'"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_EscalationOfUndeclaredWarning_ListsTheWarnings()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "warning: soon", "warning: later");

        Assert.Equal(["t.yaml:42:14: escalation 'late' names undeclared warning 'later' of clock 'resolution'; "
            + "its warnings are: soon"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_EscalationOfUndeclaredClock_ListsTheClocks()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "    clock: resolution\n    on", "    clock: response\n    on");

        Assert.Equal(["t.yaml:40:12: escalation 'late' names undeclared SLA clock 'response'; declared clocks are: "
            + "resolution"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_NotificationToUnknownRole_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "role: Supervisor,", "role: Mayor,");

        Assert.Equal(["t.yaml:43:31: a notification of escalation 'late': unknown role 'Mayor'; known roles are: "
            + "Agent, Supervisor, Administrator"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_ServicesListed_AreTheCaseTypesServices()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "version: 1\n", "version: 1\nservices: [urgent, routine]\n");

        Assert.Equal(["urgent", "routine"], CaseTypeFixtures.LoadValid(yaml).Services);
        Assert.Empty(CaseTypeFixtures.LoadValid(Full).Services);
    }

    [Fact]
    public void Load_TargetForAServiceTheCaseTypeIsNotFor_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Full, "version: 1\n", "version: 1\nservices: [routine, routine]\n");

        Assert.Equal([
            "t.yaml:3:21: service 'routine' is listed twice",
            "t.yaml:38:7: SLA clock 'resolution' sets a target for service 'urgent', which the case type is not for; "
                + "its services are: routine",
        ], CaseTypeFixtures.Problems(yaml));
    }
}
