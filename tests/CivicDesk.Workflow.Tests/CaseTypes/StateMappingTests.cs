using CivicDesk.Workflow.CaseTypes;

namespace CivicDesk.Workflow.Tests.CaseTypes;

public sealed class StateMappingTests
{
    private static readonly CaseType Version1 = CaseTypeFixtures.LoadValid(CaseTypeFixtures.Small);

    // Version 2 splits "open" into "triaged" and "working"; "new" and "closed" stay.
    private static readonly CaseType Version2 = CaseTypeFixtures.LoadValid(CaseTypeFixtures.Small
        .Replace("version: 1", "version: 2", StringComparison.Ordinal)
        .Replace("  - {id: open, kind: open, label: {en: Open, es: Abierto}}",
            "  - {id: triaged, kind: open, label: {en: Triaged, es: Clasificado}}\n"
            + "  - {id: working, kind: open, label: {en: Working, es: En curso}}", StringComparison.Ordinal)
        .Replace("to: open", "to: triaged", StringComparison.Ordinal)
        .Replace("from: [new, open]", "from: [new, triaged, working]", StringComparison.Ordinal)
        + "\n  - {id: work, from: triaged, to: working, roles: [Agent]}\n");

    [Fact]
    public void Check_EveryOpenStateMapped_HasNoProblems()
    {
        Dictionary<string, string> mapping = new(StringComparer.Ordinal) { ["new"] = "new", ["open"] = "working" };

        Assert.Empty(StateMapping.Check(Version1, Version2, mapping));
    }

    [Fact]
    public void Check_OpenStateNotMapped_IsAProblem()
    {
        Dictionary<string, string> mapping = new(StringComparer.Ordinal) { ["new"] = "new" };

        Assert.Equal([new StateMappingProblem("open", "open state 'open' of version 1 is not mapped")],
            StateMapping.Check(Version1, Version2, mapping));
    }

    [Fact]
    public void Check_MappedToUndeclaredState_ListsTheNewStates()
    {
        Dictionary<string, string> mapping = new(StringComparer.Ordinal) { ["new"] = "new", ["open"] = "open" };

        Assert.Equal([new StateMappingProblem("open", "state 'open' is mapped to 'open', which version 2 does not "
            + "declare; its states are: new, triaged, working, closed")],
            StateMapping.Check(Version1, Version2, mapping));
    }

    [Fact]
    public void Check_MappedToClosedState_IsAProblem()
    {
        Dictionary<string, string> mapping = new(StringComparer.Ordinal) { ["new"] = "closed", ["open"] = "working" };

        Assert.Equal([new StateMappingProblem("new", "state 'new' is mapped to closed state 'closed'; close cases "
            + "with a transition, not a migration")], StateMapping.Check(Version1, Version2, mapping));
    }

    [Fact]
    public void Check_MappingAClosedState_IsAProblem()
    {
        Dictionary<string, string> mapping = new(StringComparer.Ordinal)
        {
            ["new"] = "new", ["open"] = "working", ["closed"] = "closed",
        };

        Assert.Equal([new StateMappingProblem("closed", "'closed' is not an open state of version 1; only open and "
            + "paused states are mapped")], StateMapping.Check(Version1, Version2, mapping));
    }

    [Fact]
    public void Check_ToAnEarlierOrSameVersion_IsAProblem()
    {
        Dictionary<string, string> mapping = new(StringComparer.Ordinal) { ["new"] = "new", ["open"] = "open" };

        Assert.Equal([new StateMappingProblem("", "cases of 'small' version 1 can move only to a later version of "
            + "the same case type, not to 'small' version 1")], StateMapping.Check(Version1, Version1, mapping));
    }
}
