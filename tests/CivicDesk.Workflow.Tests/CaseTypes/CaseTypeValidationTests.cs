namespace CivicDesk.Workflow.Tests.CaseTypes;

/// <summary>One test per class of problem the loader reports, each with its exact message and position.</summary>
public sealed class CaseTypeValidationTests
{
    private const string Small = CaseTypeFixtures.Small;

    [Fact]
    public void Load_SmallCaseType_HasNoProblems()
    {
        Assert.Equal("small", CaseTypeFixtures.LoadValid(Small).Key);
    }

    [Fact]
    public void Load_UnknownKey_IsAnErrorAtItsLine()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "version: 1\n", "version: 1\ncolour: red\n");

        Assert.Equal(["t.yaml:3:1: unknown key 'colour' in the case type; expected one of: key, version, labels, "
            + "fields, states, initial, transitions, services, routing, triage, sla, escalations"],
            CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_UnknownKeyInATransition_IsAnErrorAtItsLine()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "    roles: [Agent]\n", "    roles: [Agent]\n    role: x\n");

        Assert.Equal(["t.yaml:17:5: unknown key 'role' in a transition; expected one of: id, from, to, roles, "
            + "requires, guard, notify"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_MissingRequiredKey_NamesTheKey()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "initial: new\n", "");

        Assert.Equal(["t.yaml:1:1: the case type is missing 'initial'"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_TransitionToUndeclaredState_ListsTheDeclaredStates()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "to: closed", "to: done");

        Assert.Equal([
            "t.yaml:19:9: transition 'close' goes to undeclared state 'done'; declared states are: new, open, closed",
            "t.yaml:10:5: state 'closed' cannot be reached from the initial state 'new'",
        ], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_TransitionFromUndeclaredState_IsAnErrorAtTheState()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "from: [new, open]", "from: [new, opne]");

        Assert.Equal(["t.yaml:18:17: transition 'close' comes from undeclared state 'opne'; declared states are: "
            + "new, open, closed"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_UnreachableState_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "    from: new\n    to: open", "    from: new\n    to: new");

        Assert.Equal(["t.yaml:9:5: state 'open' cannot be reached from the initial state 'new'"],
            CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_ClosedStateWithOutgoingTransition_IsFlagged()
    {
        string yaml = Small + "\n  - id: reopen\n    from: closed\n    to: open\n    roles: [Supervisor]\n";

        Assert.Equal(["t.yaml:24:11: transition 'reopen' leaves closed state 'closed'; a closed state has no way out"],
            CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_DuplicateIds_AreErrors()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "  - id: close\n", "  - id: accept\n");
        yaml = CaseTypeFixtures.Replace(yaml, "{id: open, kind: open", "{id: new, kind: open");

        Assert.Equal([
            "t.yaml:9:5: duplicate state 'new'",
            "t.yaml:15:9: transition 'accept' goes to undeclared state 'open'; declared states are: new, closed",
            "t.yaml:17:5: duplicate transition 'accept'",
            "t.yaml:18:17: transition 'accept' comes from undeclared state 'open'; declared states are: new, closed",
        ], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_UnknownRole_ListsTheKnownRoles()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "roles: [Agent]", "roles: [Agent, Clerk]");

        Assert.Equal(["t.yaml:16:20: transition 'accept' roles: unknown role 'Clerk'; known roles are: Agent, "
            + "Supervisor, Administrator"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_RequiredFieldNotDeclared_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "requires: [note]", "requires: [notes]");

        Assert.Equal(["t.yaml:21:16: transition 'close' requires undeclared field 'notes'; declared fields are: "
            + "note, score"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_GuardThatDoesNotTypeCheck_PointsIntoTheGuard()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "guard: score >= 3", "guard: score >= \"high\"");

        Assert.Equal(["t.yaml:22:21: guard of transition 'close': expected an integer on the right of '>=', "
            + "found text"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_GuardNamingAnUndeclaredField_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "guard: score >= 3", "guard: scores >= 3");

        Assert.Equal(["t.yaml:22:12: guard of transition 'close': expected a declared input, parameter, definition or "
            + "table, found 'scores'"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_InvalidYaml_IsOneProblemWithPosition()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "initial: new", "initial: new\n  oops: 1");

        string problem = Assert.Single(CaseTypeFixtures.Problems(yaml));
        Assert.StartsWith("t.yaml:12:7: not valid YAML: While scanning a plain scalar", problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedFlowSequence_IsAProblemNotAnException()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "initial: new", "initial: [new");

        string problem = Assert.Single(CaseTypeFixtures.Problems(yaml));
        Assert.StartsWith("t.yaml:1:1: not valid YAML: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsThemAll()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "roles: [Agent]", "roles: [Clerk]");
        yaml = CaseTypeFixtures.Replace(yaml, "type: integer", "type: number");
        yaml = CaseTypeFixtures.Replace(yaml, "version: 1", "version: one");

        Assert.Equal([
            "t.yaml:2:10: version must be a whole number of at least 1",
            "t.yaml:6:25: a field's type must be one of: text, integer, decimal, boolean, date; found 'number'",
            "t.yaml:16:13: transition 'accept' roles: unknown role 'Clerk'; known roles are: Agent, Supervisor, "
                + "Administrator",
            "t.yaml:22:12: guard of transition 'close': expected a declared input, parameter, definition or table, "
                + "found 'score'",
        ], CaseTypeFixtures.Problems(yaml));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("due-date")]
    public void Load_FieldNameTheRulesLanguageCannotRead_IsAnError(string name)
    {
        string yaml = CaseTypeFixtures.Replace(Small, "{name: score, type: integer}",
            $"{{name: {name}, type: integer}}");
        yaml = CaseTypeFixtures.Replace(yaml, "guard: score >= 3", "guard: note <> \"\"");

        Assert.Equal([$"t.yaml:6:12: field name '{name}' must be a name of the rules language: a letter or _, then "
            + "letters, digits or _, and not a reserved word"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_DuplicateKey_IsAProblemAtTheSecondOne()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "version: 1\n", "version: 1\nversion: 2\n");

        Assert.Equal(["t.yaml:3:1: not valid YAML: Duplicate key version"], CaseTypeFixtures.Problems(yaml));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    public void Load_NotAMapping_IsAProblemNotAnException(string yaml)
    {
        Assert.Single(CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_TransitionWithNoRole_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "roles: [Agent]", "roles: []");

        Assert.Equal(["t.yaml:16:12: transition 'accept' roles: name at least one role; no one could take it "
            + "otherwise"], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_ClosedInitialState_IsAnError()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "initial: new", "initial: closed");

        Assert.Equal([
            "t.yaml:11:10: initial state 'closed' is closed; a new case must start open or paused",
            "t.yaml:8:5: state 'new' cannot be reached from the initial state 'closed'",
            "t.yaml:9:5: state 'open' cannot be reached from the initial state 'closed'",
        ], CaseTypeFixtures.Problems(yaml));
    }

    [Fact]
    public void Load_MultiLineGuardThatDoesNotTypeCheck_PointsAtTheLineInsideTheGuard()
    {
        string yaml = CaseTypeFixtures.Replace(Small, "guard: score >= 3",
            "guard: |\n      score >= 3\n      and note > 2");

        string problem = Assert.Single(CaseTypeFixtures.Problems(yaml));
        Assert.StartsWith("t.yaml:24:", problem, StringComparison.Ordinal);
        Assert.Contains("guard of transition 'close': expected", problem, StringComparison.Ordinal);
    }
}
