using System.CommandLine;
using CivicDesk.Cli.Commands;

namespace CivicDesk.Cli;

/// <summary>The <c>civicdesk</c> command line. Each command lives in its own file under Commands/.</summary>
public static class CliApp
{
    /// <summary>Parses and runs one command line; output goes to the given writers so tests can read it.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        CancellationToken cancellationToken) =>
        RunAsync(args, Console.In, output, error, cancellationToken);

    /// <summary>As above, reading standard input from <paramref name="input"/>.</summary>
    public static async Task<int> RunAsync(
        string[] args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        CliContext context = new(output, error, input);
        RootCommand root = new("CivicDesk: requests, cases and open data for public agencies.");
        root.Options.Add(CliContext.DatabaseProviderOption);
        root.Options.Add(CliContext.ConnectionOption);
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(ApiKeysCommand.Create(context));
        root.Subcommands.Add(UsersCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(CaseTypesCommand.Create(context));
        root.Subcommands.Add(CalendarsCommand.Create(context));
        root.Subcommands.Add(Commands.Rules.RulesCommand.Create(context));

        ParseResult parsed = root.Parse(args);
        InvocationConfiguration invocation = new() { Output = output, Error = error };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }
}
