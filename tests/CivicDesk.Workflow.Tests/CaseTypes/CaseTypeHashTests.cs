namespace CivicDesk.Workflow.Tests.CaseTypes;

public sealed class CaseTypeHashTests
{
    // The small case type written differently: block style instead of flow, other key order, quotes, comments,
    // a one-item list for a single "from", and other spacing. Same meaning.
    private const string Reformatted = """
        # the same case type, formatted differently
        version: 1
        key: "small"
        labels:
          es: 'Pequeño'
          en: Small
        states:
          - id: new
            label: {es: Nuevo, en: New}
            kind: open
          - {kind: open, id: open, label: {en: Open, es: Abierto}}
          - {id: closed,   kind: closed, label: {en: Closed, es: Cerrado}}
        fields:
          - name: note
            type: text
          - {type: integer, name: score}
        initial: new
        transitions:
          - {id: accept, from: [new], to: open, roles: Agent}
          - id: close
            to: closed
            from:
              - new
              - open
            requires: note
            roles: [Agent, Supervisor]
            guard: "score >= 3"
        """;

    [Fact]
    public void ContentHash_ReformattedYaml_IsTheSame()
    {
        string original = CaseTypeFixtures.LoadValid(CaseTypeFixtures.Small).ContentHash;

        Assert.Equal(original, CaseTypeFixtures.LoadValid(Reformatted).ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", original);
    }

    [Theory]
    [InlineData("guard: score >= 3", "guard: score >= 4")]
    [InlineData("roles: [Agent]", "roles: [Agent, Supervisor]")]
    [InlineData("version: 1", "version: 2")]
    [InlineData("{en: Open, es: Abierto}", "{en: Opened, es: Abierto}")]
    [InlineData("{name: score, type: integer}", "{name: score, type: integer, required: true}")]
    public void ContentHash_ChangedMeaning_Differs(string old, string changed)
    {
        string original = CaseTypeFixtures.LoadValid(CaseTypeFixtures.Small).ContentHash;
        string edited = CaseTypeFixtures.Replace(CaseTypeFixtures.Small, old, changed);

        Assert.NotEqual(original, CaseTypeFixtures.LoadValid(edited).ContentHash);
    }

    [Fact]
    public void ContentHash_ChangedRuleFile_Differs()
    {
        string yaml = CaseTypeFixtures.Small + "\nrouting: {rules: route.rules, department: department}\n";
        string before = CaseTypeFixtures.LoadValid(yaml).ContentHash;
        Dictionary<string, string> rules = new(CaseTypeFixtures.Rules, StringComparer.Ordinal);
        rules["route.rules"] = rules["route.rules"].Replace("\"DOT\"", "\"HPD\"", StringComparison.Ordinal);

        Workflow.CaseTypes.CaseTypeLoad after = Workflow.CaseTypes.CaseTypeLoader.Load("t.yaml", yaml,
            name => rules.GetValueOrDefault(name), CaseTypeFixtures.Context);

        Assert.NotEqual(before, after.CaseType!.ContentHash);
    }
}
