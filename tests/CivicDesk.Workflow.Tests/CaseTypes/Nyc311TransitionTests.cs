using CivicDesk.Rules.Values;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Workflow.Tests.CaseTypes;

/// <summary>The 311 case type offers each role only the transitions it may take (issue 4, item 8).</summary>
public sealed class Nyc311TransitionTests
{
    private static readonly CaseType Nyc311 = LoadNyc311();

    private static readonly LocalDate AsOf = new(2026, 12, 4);

    [Fact]
    public void AvailableTransitions_AgentOnAnOpenCase_CannotCancel()
    {
        IEnumerable<TransitionOption> options = CaseTypeOperations.AvailableTransitions(
            Nyc311, "open", ["Agent"], new Dictionary<string, Value>(), AsOf);

        Assert.Equal(["start_work", "put_on_hold", "close", "refer"],
            options.Where(o => o.Available).Select(o => o.Transition.Id));
    }

    [Fact]
    public void AvailableTransitions_SupervisorCancellingForAnUnlistedReason_IsRefusedByTheGuard()
    {
        Dictionary<string, Value> fields = new(StringComparer.Ordinal) { ["cancel_reason"] = Value.Of("bored") };

        TransitionOption cancel = CaseTypeOperations.AvailableTransitions(Nyc311, "open", ["Supervisor"], fields, AsOf)
            .Single(o => o.Transition.Id == "cancel");

        Assert.Equal(RefusalReason.GuardFalse, Assert.Single(cancel.Refusals).Reason);
    }

    [Fact]
    public void Apply_SupervisorCancellingADuplicate_GoesToCancelledAndNotifiesResidentAndAssignee()
    {
        Dictionary<string, Value> fields = new(StringComparer.Ordinal) { ["cancel_reason"] = Value.Of("duplicate") };

        TransitionOutcome outcome = CaseTypeOperations.Apply(Nyc311, "on_hold", "cancel", ["Supervisor"], fields, AsOf);

        Assert.Equal("cancelled", outcome.NewState);
        Assert.Equal([Recipient.Resident, Recipient.Assignee], outcome.Notifications.Select(n => n.To));
    }

    [Fact]
    public void AvailableTransitions_FromAClosedState_AreNone()
    {
        Assert.Empty(CaseTypeOperations.AvailableTransitions(
            Nyc311, "closed", ["Administrator"], new Dictionary<string, Value>(), AsOf));
    }

    private static CaseType LoadNyc311()
    {
        CaseTypeLoad load = CaseTypeFixtures.LoadSample("nyc-311.yaml",
            new CaseTypeContext(["Agent", "Supervisor", "Administrator"], ["nyc-business"]));
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Problems));
        return load.CaseType!;
    }
}
