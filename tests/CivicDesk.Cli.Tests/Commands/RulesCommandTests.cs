using CivicDesk.Cli;
using CivicDesk.Testing;

namespace CivicDesk.Cli.Tests.Commands;

public sealed class RulesCommandTests
{
    private static readonly string Era = RepositoryPaths.Samples("rules", "era.rules");
    private static readonly string Example = RepositoryPaths.Samples("rules", "era.example.yaml");

    [Fact]
    public async Task RulesTest_SamplesFolder_RunsEveryGoldenCaseAndPasses()
    {
        (int exitCode, string output, _) = await RunAsync("rules", "test", RepositoryPaths.Samples("rules"));

        Assert.Equal(0, exitCode);
        Assert.Contains("era.golden.yaml (us.treasury.era 2025.1)", output, StringComparison.Ordinal);
        Assert.Contains("20 cases passed, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesTest_WrongExpectation_FailsAndPrintsTheTrace()
    {
        string folder = Directory.CreateTempSubdirectory("civicdesk-rules-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "tiny.rules"),
            "rules \"tiny\" version \"1\"\ninput n : integer\ndefine big : boolean = n > 3\noutputs big\n",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "tiny.golden.yaml"),
            "rules: tiny.rules\ncases:\n  - name: four is big\n    as_of: 2025-01-01\n"
            + "    inputs: { n: 4 }\n    expect: { big: false }\n", TestContext.Current.CancellationToken);

        (int exitCode, string output, _) = await RunAsync("rules", "test", Path.Combine(folder, "tiny.golden.yaml"));

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL four is big", output, StringComparison.Ordinal);
        Assert.Contains("big: expected false, found true", output, StringComparison.Ordinal);
        Assert.Contains("big: True = true", output, StringComparison.Ordinal);
        Assert.Contains("0 cases passed, 1 failed", output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task RulesEval_ExampleApplication_PrintsTheOutputsAndTheRecord()
    {
        (int exitCode, string output, _) = await RunAsync("rules", "eval", Era, Example, "--record");

        Assert.Equal(0, exitCode);
        Assert.Contains("eligible: true", output, StringComparison.Ordinal);
        Assert.Contains("prioritised: true", output, StringComparison.Ordinal);
        Assert.Contains("priority_reasons: [\"unemployed_90_days\"]", output, StringComparison.Ordinal);
        Assert.Contains("rule set: us.treasury.era 2025.1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesExplain_InSpanish_WritesTheReasonsFromTheRuleLabels()
    {
        (int exitCode, string output, _) = await RunAsync("rules", "explain", Era, Example, "--language", "es");

        Assert.Equal(0, exitCode);
        Assert.Contains("Elegible para la asistencia de emergencia para el alquiler: sí", output,
            StringComparison.Ordinal);
        Assert.Contains("Ingresos del hogar en el año = 75,000.00", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesEval_RuleFileWithATypeError_ReportsFileLineAndColumn()
    {
        string folder = Directory.CreateTempSubdirectory("civicdesk-rules-").FullName;
        string rules = Path.Combine(folder, "bad.rules");
        await File.WriteAllTextAsync(rules,
            "rules \"bad\" version \"1\"\ninput n : integer\ndefine x = n < \"3\"\noutputs x\n",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "in.yaml"), "n: 1\n",
            TestContext.Current.CancellationToken);

        (int exitCode, _, string error) = await RunAsync("rules", "eval", rules, Path.Combine(folder, "in.yaml"));

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.rules:3:16: expected an integer on the right of '<', found text", error,
            StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        int exitCode = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
