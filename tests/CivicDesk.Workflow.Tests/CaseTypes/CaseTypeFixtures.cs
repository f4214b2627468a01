using CivicDesk.Testing;
using CivicDesk.Workflow.CaseTypes;

namespace CivicDesk.Workflow.Tests.CaseTypes;

/// <summary>Small case types for the tests, and loading helpers; all data is synthetic.</summary>
internal static class CaseTypeFixtures
{
    public static readonly CaseTypeContext Context = new(["Agent", "Supervisor", "Administrator"], ["weekdays"]);

    // Line numbers matter: the validation tests assert the line of each problem in this text.
    public const string Small = """
        key: small
        version: 1
        labels: {en: Small, es: Pequeño}
        fields:
          - {name: note, type: text}
          - {name: score, type: integer}
        states:
          - {id: new, kind: open, label: {en: New, es: Nuevo}}
          - {id: open, kind: open, label: {en: Open, es: Abierto}}
          - {id: closed, kind: closed, label: {en: Closed, es: Cerrado}}
        initial: new
        transitions:
          - id: accept
            from: new
            to: open
            roles: [Agent]
          - id: close
            from: [new, open]
            to: closed
            roles: [Agent, Supervisor]
            requires: [note]
            guard: score >= 3
        """;

    public static readonly Dictionary<string, string> Rules = new(StringComparer.Ordinal)
    {
        ["route.rules"] = """
            rules "test.route" version "1"
            outputs department, priority
            input note : text
            define department : text = "DOT"
            define priority : integer = 2
            """,
    };

    public static CaseTypeLoad Load(string yaml, string file = "t.yaml") =>
        CaseTypeLoader.Load(file, yaml, name => Rules.GetValueOrDefault(name), Context);

    public static CaseType LoadValid(string yaml)
    {
        CaseTypeLoad load = Load(yaml);
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Problems));
        return load.CaseType!;
    }

    /// <summary>The problems as "file:line:column: message" lines.</summary>
    public static string[] Problems(string yaml)
    {
        CaseTypeLoad load = Load(yaml);
        Assert.False(load.Succeeded);
        return [.. load.Problems.Select(p => p.ToString())];
    }

    public static string Replace(string yaml, string old, string replacement)
    {
        Assert.Contains(old, yaml, StringComparison.Ordinal);
        return yaml.Replace(old, replacement, StringComparison.Ordinal);
    }

    /// <summary>Reads a sample relative to the case-type file, as Core's loader callback will.</summary>
    public static CaseTypeLoad LoadSample(string name, CaseTypeContext context)
    {
        string folder = RepositoryPaths.Samples("case-types");
        string path = Path.Combine(folder, name);
        return CaseTypeLoader.Load($"samples/case-types/{name}", File.ReadAllText(path), relative =>
        {
            string full = Path.GetFullPath(Path.Combine(folder, relative));
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }, context);
    }
}
