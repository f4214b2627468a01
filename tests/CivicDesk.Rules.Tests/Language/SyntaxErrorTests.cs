namespace CivicDesk.Rules.Tests.Language;

public sealed class SyntaxErrorTests
{
    [Fact]
    public void Load_MissingOperand_NamesFileLineColumnExpectedAndFound()
    {
        RulesLoadException error = TestRules.LoadFails("input a : integer\ndefine result = a +\noutputs result");

        RuleDiagnostic diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("test.rules:4:1: expected an expression, found the word 'outputs'", diagnostic.ToString());
    }

    [Fact]
    public void Load_TextComparedWithNumber_IsATypeErrorAtTheRightOperand()
    {
        RulesLoadException error = TestRules.LoadFails(
            "input size : integer\ndefine result = size < \"three\"\noutputs result");

        RuleDiagnostic diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(new Syntax.SourcePosition("test.rules", 3, 24), diagnostic.Position);
        Assert.Equal("an integer on the right of '<'", diagnostic.Expected);
        Assert.Equal("text", diagnostic.Found);
    }

    [Fact]
    public void Load_IntegerVariableWithDecimal_IsNotConvertedImplicitly()
    {
        RulesLoadException error = TestRules.LoadFails(
            "input size : integer\ndefine result = size * 1.5\noutputs result");

        Assert.Equal("a integer on the right of '*'".Replace("a integer", "an integer", StringComparison.Ordinal),
            Assert.Single(error.Diagnostics).Expected);
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("2025-04-31")]
    [InlineData("2025-02-29")]
    public void Load_MalformedParameterDate_FailsTheLoad(string date)
    {
        RulesLoadException error = TestRules.LoadFails(
            $"parameter p : decimal unit \"ratio\" label \"P\" citation \"C\"\n  from {date}: 0.5\n");

        RuleDiagnostic diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(3, diagnostic.Position.Line);
        Assert.Equal("a real calendar date (YYYY-MM-DD)", diagnostic.Expected);
        Assert.Contains(date, diagnostic.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownName_IsReportedWhereItIsUsed()
    {
        RulesLoadException error = TestRules.LoadFails("define result = incme > 5\noutputs result");

        Assert.Equal("test.rules:2:17: expected a declared input, parameter, definition or table, found 'incme'",
            Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Load_DefinitionsInACycle_AreReported()
    {
        RulesLoadException error = TestRules.LoadFails("define a = b\ndefine b = a\noutputs a");

        Assert.Contains(error.Diagnostics, d => d.Found.Contains("depending on itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ParameterWithoutCitation_IsRefused()
    {
        RulesLoadException error =
            TestRules.LoadFails("parameter p : decimal unit \"ratio\" label \"P\"\n  from 2025-01-01: 1\n");

        Assert.Equal("no citation", Assert.Single(error.Diagnostics).Found);
    }

    [Fact]
    public void Load_OverlappingParameterPeriods_AreRefused()
    {
        RulesLoadException error = TestRules.LoadFails(
            "parameter p : decimal unit \"u\" label \"P\" citation \"C\"\n  from 2025-01-01: 1\n"
            + "  from 2024-01-01 until 2025-01-01: 2\n");

        Assert.Equal("periods that do not overlap", Assert.Single(error.Diagnostics).Expected);
    }
}
