using CivicDesk.Rules.Values;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Workflow.Tests.CaseTypes;

/// <summary>
/// A case type that is not 311: a rental-assistance application, with states of its own, a paused state and a
/// guard over a decimal field. Shows available transitions by role and guard, and applying one.
/// </summary>
public sealed class RentalAssistanceCaseTypeTests
{
    private const string Yaml = """
        key: rental-assistance
        version: 3
        labels: {en: Rental assistance application, es: Solicitud de asistencia para el alquiler}
        fields:
          - {name: household_income, type: decimal}
          - {name: income_limit, type: decimal}
          - {name: documents_requested, type: text}
          - {name: decision_note, type: text}
        states:
          - {id: submitted, kind: open, label: {en: Submitted, es: Presentada}}
          - {id: screening, kind: open, label: {en: Screening, es: En revisión}}
          - {id: waiting_on_applicant, kind: paused, label: {en: Waiting on applicant, es: Esperando al solicitante}}
          - {id: approved, kind: closed, label: {en: Approved, es: Aprobada}}
          - {id: denied, kind: closed, label: {en: Denied, es: Denegada}}
        initial: submitted
        transitions:
          - {id: screen, from: submitted, to: screening, roles: [Agent, Supervisor]}
          - id: ask_for_documents
            from: screening
            to: waiting_on_applicant
            roles: [Agent, Supervisor]
            requires: [documents_requested]
            notify: [{to: resident, template: era.documents_requested}]
          - {id: documents_received, from: waiting_on_applicant, to: screening, roles: [Agent, Supervisor]}
          - id: approve
            from: screening
            to: approved
            roles: [Supervisor]
            requires: [decision_note]
            guard: household_income <= income_limit
            notify: [{to: resident, template: era.approved}]
          - id: deny
            from: screening
            to: denied
            roles: [Supervisor]
            requires: [decision_note]
            guard: household_income > income_limit
        sla:
          - clock: decision
            calendar: weekdays
            start: {states: [submitted]}
            stop: {states: [approved, denied]}
            target: {amount: 30, unit: calendar-days}
        """;

    private static readonly LocalDate AsOf = new(2026, 12, 4);

    private static readonly CaseType RentalAssistance = CaseTypeFixtures.LoadValid(Yaml);

    private static readonly Dictionary<string, Value> LowIncome = new(StringComparer.Ordinal)
    {
        ["household_income"] = Value.Of(41000.00m),
        ["income_limit"] = Value.Of(52350.00m),
    };

    [Fact]
    public void AvailableTransitions_AgentInScreening_CannotApproveOrDeny()
    {
        IEnumerable<TransitionOption> options = CaseTypeOperations.AvailableTransitions(
            RentalAssistance, "screening", ["Agent"], LowIncome, AsOf);

        Assert.Equal(["ask_for_documents"], options.Where(o => o.Available).Select(o => o.Transition.Id));
        TransitionOption approve = options.Single(o => o.Transition.Id == "approve");
        Assert.Equal(
            [new TransitionRefusal(RefusalReason.RoleNotAllowed, "only these roles may take 'approve': Supervisor")],
            approve.Refusals);
    }

    [Fact]
    public void AvailableTransitions_SupervisorWithIncomeBelowLimit_MayApproveNotDeny()
    {
        IEnumerable<TransitionOption> options = CaseTypeOperations.AvailableTransitions(
            RentalAssistance, "screening", ["Supervisor"], LowIncome, AsOf);

        Assert.Equal(["ask_for_documents", "approve"],
            options.Where(o => o.Available).Select(o => o.Transition.Id));
        Assert.Equal(
            [new TransitionRefusal(RefusalReason.GuardFalse,
                "the guard of 'deny' is not met: household_income > income_limit")],
            options.Single(o => o.Transition.Id == "deny").Refusals);
    }

    [Fact]
    public void AvailableTransitions_IncomeNotKnown_GuardCannotBeDecided()
    {
        Dictionary<string, Value> fields = new(StringComparer.Ordinal) { ["income_limit"] = Value.Of(52350.00m) };

        TransitionOption approve = CaseTypeOperations.AvailableTransitions(
            RentalAssistance, "screening", ["Supervisor"], fields, AsOf).Single(o => o.Transition.Id == "approve");

        Assert.Equal(
            [new TransitionRefusal(RefusalReason.GuardUndecided,
                "the guard of 'approve' (household_income <= income_limit) cannot be decided without: "
                + "household_income")],
            approve.Refusals);
    }

    [Fact]
    public void Apply_ApproveWithoutDecisionNote_IsRefused()
    {
        TransitionOutcome outcome = CaseTypeOperations.Apply(
            RentalAssistance, "screening", "approve", ["Supervisor"], LowIncome, AsOf);

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            [new TransitionRefusal(
                RefusalReason.RequiredFieldMissing, "'approve' needs field 'decision_note'", "decision_note")],
            outcome.Refusals);
    }

    [Fact]
    public void Apply_ApproveWithEverything_GivesNewStateAndNotifications()
    {
        Dictionary<string, Value> fields = new(LowIncome, StringComparer.Ordinal)
        {
            ["decision_note"] = Value.Of("Income verified from pay stubs"),
        };

        TransitionOutcome outcome = CaseTypeOperations.Apply(
            RentalAssistance, "screening", "approve", ["Supervisor"], fields, AsOf);

        Assert.Equal("approved", outcome.NewState);
        Assert.Equal([new Notification(Recipient.Resident, null, "era.approved")], outcome.Notifications);
    }

    [Fact]
    public void Apply_FromAStateTheTransitionDoesNotLeave_IsRefused()
    {
        TransitionOutcome outcome = CaseTypeOperations.Apply(
            RentalAssistance, "submitted", "approve", ["Supervisor"], LowIncome, AsOf);

        Assert.Equal(RefusalReason.NotFromThisState, Assert.Single(outcome.Refusals).Reason);
    }

    [Fact]
    public void SlaClockDefinitions_PausedStateOfTheCaseType_PausesTheClock()
    {
        CaseTypeClock clock = Assert.Single(CaseTypeOperations.SlaClockDefinitions(RentalAssistance, "any"));

        Assert.Equal(["waiting_on_applicant"], clock.Definition.PausedStates);
        Assert.Equal(new CivicDesk.Workflow.Sla.CalendarTimeTarget(Duration.FromDays(30)), clock.Definition.Target);
        Assert.Equal("weekdays", clock.Calendar);
    }
}
