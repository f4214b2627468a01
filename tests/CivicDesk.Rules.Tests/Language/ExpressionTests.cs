using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Tests.Language;

public sealed class ExpressionTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 2 - 3", "5")]
    [InlineData("-2 * 3", "-6")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("1250.005 * 12", "15000.060")]
    [InlineData("round_cents(2.345)", "2.35")]
    [InlineData("round_cents(-2.345)", "-2.35")]
    [InlineData("floor(1234.99)", "1234")]
    [InlineData("decimal(3) / 4", "0.75")]
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("max(2.5, 1)", "2.5")]
    [InlineData("if 1 < 2 then \"yes\" else \"no\"", "\"yes\"")]
    [InlineData("3 in [1..5]", "true")]
    [InlineData("6 in [1..5]", "false")]
    [InlineData("\"b\" in [\"a\", \"b\"]", "true")]
    [InlineData("not (1 = 1) or 2 <> 3", "true")]
    [InlineData("days_between(2025-01-01, 2025-03-01)", "59")]
    [InlineData("months_between(2025-01-31, 2025-03-30)", "1")]
    [InlineData("age_on(2000-06-03, 2025-06-02)", "24")]
    [InlineData("age_on(2000-06-02, 2025-06-02)", "25")]
    [InlineData("2025-01-31 + months(1)", "2025-02-28")]
    [InlineData("2025-06-02 - days(90)", "2025-03-04")]
    [InlineData("as_of", "2025-06-02")]
    public void Evaluate_Expression_GivesTheExactValue(string expression, string expected)
    {
        Value result = TestRules.Result("define result = " + expression);

        Assert.Equal(expected, result.Canonical);
    }

    [Theory]
    [InlineData("count(xs)", "3")]
    [InlineData("count(xs, x -> x > 1)", "2")]
    [InlineData("sum(xs)", "6")]
    [InlineData("sum(xs, x -> x * 2)", "12")]
    [InlineData("any(xs, x -> x = 2)", "true")]
    [InlineData("all(xs, x -> x > 1)", "false")]
    [InlineData("min(xs)", "1")]
    [InlineData("max(xs, x -> 0 - x)", "-1")]
    [InlineData("2 in xs", "true")]
    public void Evaluate_ListFunction_FoldsTheList(string expression, string expected)
    {
        Value xs = new ListValue([Value.Of(1L), Value.Of(2L), Value.Of(3L)]);

        Value result = TestRules.Result("input xs : list of integer\ndefine result = " + expression, ("xs", xs));

        Assert.Equal(expected, result.Canonical);
    }

    [Fact]
    public void Evaluate_DivisionByZero_IsUnknownNotAnException()
    {
        Value result = TestRules.Result("input x : decimal\ndefine result = x / 0", ("x", Value.Of(1m)));

        Assert.Equal(Value.Unknown(), result);
    }

    [Fact]
    public void Evaluate_RecordFields_AreReadByName()
    {
        RecordValue member = new(["age", "name"], [Value.Of(30L), Value.Of("A")]);

        Value result = TestRules.Result(
            "input people : list of record(age : integer, name : text)\n"
            + "define result = count(people, p -> p.age >= 18)",
            ("people", new ListValue([member, member])));

        Assert.Equal(Value.Of(2L), result);
    }

    [Fact]
    public void Evaluate_ScalarParameter_TakesTheValueInForceOnTheAsOfDate()
    {
        RuleSet rules = TestRules.Load("parameter share : decimal unit \"ratio\" label \"Share\" citation \"C\"\n"
            + "  from 2024-04-01 until 2025-03-31: 0.80\n  from 2025-04-01: 0.85\n"
            + "define result = share\noutputs result");

        Assert.Equal(Value.Of(0.80m), TestRules.Evaluate(rules, new LocalDate(2025, 3, 31))["result"]);
        Assert.Equal(Value.Of(0.85m), TestRules.Evaluate(rules, new LocalDate(2025, 4, 1))["result"]);
        Assert.True(TestRules.Evaluate(rules, new LocalDate(2024, 3, 31))["result"].IsUnknown);
    }

    [Fact]
    public void Evaluate_ParameterTable_LooksUpByKeysOnTheAsOfDate()
    {
        RuleSet rules = TestRules.Load(
            "parameter table limit(area : text, size : integer) : decimal unit \"USD\" label \"L\" citation \"C\"\n"
            + "  from 2024-04-01 until 2025-03-31\n    columns 1, 2\n    \"A\": 100 200\n    \"B\": 300 400\n"
            + "  from 2025-04-01\n    columns 1, 2\n    \"A\": 110 210\n"
            + "input area : text\ninput size : integer\ndefine result = limit(area, size)\noutputs result");

        Assert.Equal(Value.Of(400m), TestRules.Evaluate(rules, new LocalDate(2025, 1, 1),
            ("area", Value.Of("B")), ("size", Value.Of(2L)))["result"]);
        Assert.Equal(Value.Of(210m), TestRules.Evaluate(rules, new LocalDate(2025, 6, 1),
            ("area", Value.Of("A")), ("size", Value.Of(2L)))["result"]);
        Assert.Equal(Value.Unknown(), TestRules.Evaluate(rules, new LocalDate(2025, 6, 1),
            ("area", Value.Of("B")), ("size", Value.Of(2L)))["result"]);
    }
}
