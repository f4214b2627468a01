using System.CommandLine;
using CivicDesk.Rules;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Explanation;
using CivicDesk.Rules.Records;
using CivicDesk.Rules.Values;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Cli.Commands.Rules;

/// <summary>
/// <c>civicdesk rules eval RULES INPUTS</c> prints the outputs (and optionally the trace and the decision record);
/// <c>civicdesk rules explain RULES INPUTS</c> prints the plain-language reasons in English or Spanish.
/// </summary>
internal static class RulesEvalCommand
{
    public static Command Create(CliContext context, bool explain)
    {
        Argument<string> rules = new("rules") { Description = "The rule file (NAME.rules)" };
        Argument<string> inputs = new("inputs") { Description = "A YAML or JSON map of input names to values" };
        Option<string?> asOf = new("--as-of")
        {
            Description = "The as-of date (YYYY-MM-DD); default: the file's as_of, else today (UTC)",
        };
        Option<bool> trace = new("--trace") { Description = "Also print the trace" };
        Option<bool> record = new("--record") { Description = "Also print the decision record" };
        Option<string> language = new("--language")
        {
            Description = "en or es",
            DefaultValueFactory = _ => "en",
        };
        language.AcceptOnlyFromAmong("en", "es");
        Command command = explain
            ? new Command("explain", "Evaluate one input file and explain the outcome.")
            {
                rules, inputs, asOf, language,
            }
            : new Command("eval", "Evaluate one input file and print the outputs.")
            {
                rules, inputs, asOf, trace, record,
            };
        command.SetAction((parsed, cancellationToken) => RulesCommand.GuardAsync(context, () => RunAsync(
            context,
            new Request(parsed.GetValue(rules)!, parsed.GetValue(inputs)!, parsed.GetValue(asOf), explain,
                parsed.GetValue(trace), parsed.GetValue(record), parsed.GetValue(language) ?? "en"))));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, Request request)
    {
        RuleSet rules = RuleFiles.Load(request.Rules);
        Dictionary<string, object?> data = RuleFiles.ReadInputs(request.Inputs);
        data.Remove("as_of", out object? fromFile);
        string? dateText = request.AsOf ?? fromFile as string;
        if (!TryAsOf(dateText, out LocalDate asOf))
        {
            await context.Error.WriteLineAsync($"error: --as-of: expected a date (YYYY-MM-DD), found '{dateText}'");
            return 1;
        }

        RuleInputs inputs = InputReader.Read(rules, data);
        EvaluationResult result = rules.Compile().Evaluate(inputs, asOf, trace: true);
        if (request.Explain)
        {
            await context.Output.WriteLineAsync(Explainer.Explain(rules, inputs, result, request.Language).ToString());
            return 0;
        }

        await WriteResultAsync(context.Output, rules, inputs, result, request);
        return 0;
    }

    private static async Task WriteResultAsync(TextWriter output, RuleSet rules, RuleInputs inputs,
        EvaluationResult result, Request request)
    {
        foreach ((string name, Value value) in result.Outputs)
        {
            await output.WriteLineAsync($"{name}: {value.Canonical}");
        }

        if (result.CannotDecideYet)
        {
            await output.WriteLineAsync($"cannot decide yet; needed: {string.Join(", ", result.NeededInputs)}");
        }

        if (request.Trace)
        {
            await output.WriteLineAsync("trace:");
            await output.WriteLineAsync(result.Trace!.ToString());
        }

        if (request.Record)
        {
            DecisionRecord record = DecisionRecords.Create(rules, inputs, result);
            await output.WriteLineAsync("record:");
            await output.WriteLineAsync(
                $"  rule set: {record.RuleSetId} {record.RuleSetVersion} ({record.ContentHash})");
            await output.WriteLineAsync($"  as of: {LocalDatePattern.Iso.Format(record.AsOf)}");
            await output.WriteLineAsync($"  inputs ({record.InputsHash}): {record.Inputs}");
            await output.WriteLineAsync($"  outputs: {record.Outputs}");
            await output.WriteLineAsync($"  trace: {record.Trace}");
        }
    }

    private static bool TryAsOf(string? text, out LocalDate asOf)
    {
        if (text is null)
        {
            asOf = LocalDate.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            return true;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        asOf = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    private sealed record Request(
        string Rules, string Inputs, string? AsOf, bool Explain, bool Trace, bool Record, string Language);
}
