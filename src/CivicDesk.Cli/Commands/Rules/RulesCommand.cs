using System.CommandLine;
using CivicDesk.Rules;
using CivicDesk.Rules.Evaluation;
using YamlDotNet.Core;

namespace CivicDesk.Cli.Commands.Rules;

/// <summary>
/// <c>civicdesk rules test|eval|explain</c>: runs a rule set's golden cases, or evaluates and explains one input
/// file. These commands need no database.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        Command rules = new("rules", "Test, evaluate and explain rule sets (see docs/rules.md).");
        rules.Subcommands.Add(RulesTestCommand.Create(context));
        rules.Subcommands.Add(RulesEvalCommand.Create(context, explain: false));
        rules.Subcommands.Add(RulesEvalCommand.Create(context, explain: true));
        return rules;
    }

    /// <summary>Runs a command body; expected failures (bad rules, inputs or files) become exit code 1.</summary>
    public static async Task<int> GuardAsync(CliContext context, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (RulesLoadException exception)
        {
            foreach (RuleDiagnostic diagnostic in exception.Diagnostics)
            {
                await context.Error.WriteLineAsync($"error: {diagnostic}");
            }

            return 1;
        }
        catch (Exception exception) when (exception is RuleInputException or YamlException or IOException
            or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: {exception.Message}");
            return 1;
        }
    }
}
