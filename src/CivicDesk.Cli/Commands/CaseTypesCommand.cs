using System.CommandLine;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.CaseTypes.MigrateCaseType;
using CivicDesk.Core.CaseTypes.PublishCaseType;
using CivicDesk.Core.Common;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Cli.Commands;

/// <summary>
/// <c>civicdesk case-types publish|migrate</c>: publishes a checked case type file, and moves the open cases of
/// one version to a later one with a state mapping, after a preview (without <c>--apply</c> it only previews).
/// </summary>
internal static class CaseTypesCommand
{
    private static readonly Actor Operator = new(ActorKind.System, null, "cli", null);

    public static Command Create(CliContext context)
    {
        Command command = new("case-types", "Work with published case type versions.");
        command.Subcommands.Add(Publish(context));
        command.Subcommands.Add(Migrate(context));
        return command;
    }

    private static Command Publish(CliContext context)
    {
        Argument<FileInfo> file = new("file") { Description = "The case type's YAML file" };
        Option<string> jurisdiction = new("--jurisdiction")
        {
            Description = "Jurisdiction code, such as nyc",
            Required = true,
        };
        Option<DirectoryInfo?> calendars = new("--calendars")
        {
            Description = "Folder of business calendar files (default: the calendars folder beside the file's)",
        };
        Command publish = new("publish", "Check a case type file and publish it; new cases take it.")
        {
            file, jurisdiction, calendars,
        };
        publish.SetAction(async (parsed, cancellationToken) =>
        {
            FileInfo path = parsed.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"file: {path.FullName} does not exist.");
                return 1;
            }

            CaseTypeRead read = CaseTypeFiles.Read(path.FullName, parsed.GetValue(calendars)?.FullName);
            if (read.ToPublication(Operator) is not { } publication)
            {
                foreach (FileProblem problem in read.Problems)
                {
                    await context.Error.WriteLineAsync(problem.ToString());
                }

                return 1;
            }

            await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
            if (services is null)
            {
                return CliContext.DatabaseNotReady;
            }

            await using AsyncServiceScope scope = services.CreateAsyncScope();
            Result<PublishedCaseType> result = await scope.ServiceProvider
                .GetRequiredService<PublishCaseTypeHandler>()
                .HandleAsync(parsed.GetValue(jurisdiction)!, publication, cancellationToken);
            if (!result.TryGetValue(out PublishedCaseType? published, out Error? error))
            {
                return await context.FailAsync(error);
            }

            string state = published.AlreadyPublished ? "was already published" : "published";
            await context.Output.WriteLineAsync(
                $"{published.Key} version {published.Version} {state} (content {published.ContentHash[..12]}).");
            foreach (string queue in published.UnknownQueues)
            {
                await context.Output.WriteLineAsync(
                    $"Warning: no department has queue '{queue}', which an escalation reassigns to.");
            }
            return 0;
        });
        return publish;
    }

    private static Command Migrate(CliContext context)
    {
        Option<string> jurisdiction = new("--jurisdiction")
        {
            Description = "Jurisdiction code, such as nyc",
            Required = true,
        };
        Option<string> key = new("--key") { Description = "Case type key, such as nyc-311", Required = true };
        Option<int> from = new("--from") { Description = "Version the open cases are on", Required = true };
        Option<int> to = new("--to") { Description = "Published version to move them to", Required = true };
        Option<string[]> map = new("--map")
        {
            Description = "FROM=TO for every open or paused state of the old version, such as --map on_hold=open",
            AllowMultipleArgumentsPerToken = true,
        };
        Option<bool> apply = new("--apply") { Description = "Move the cases; without it, only preview" };
        Command migrate = new("migrate", "Preview, then move, open cases to a later case type version.")
        {
            jurisdiction, key, from, to, map, apply,
        };
        migrate.SetAction(async (parsed, cancellationToken) =>
        {
            if (ReadMap(parsed.GetValue(map) ?? []) is not { } states)
            {
                await context.Error.WriteLineAsync("--map: write each mapping as FROM=TO, such as on_hold=open.");
                return 1;
            }

            await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
            if (services is null)
            {
                return CliContext.DatabaseNotReady;
            }

            await using AsyncServiceScope scope = services.CreateAsyncScope();
            MigrateCaseTypeHandler handler = scope.ServiceProvider.GetRequiredService<MigrateCaseTypeHandler>();
            bool preview = !parsed.GetValue(apply);
            MigrateCaseType request = new(
                parsed.GetValue(jurisdiction)!, parsed.GetValue(key)!, parsed.GetValue(from), parsed.GetValue(to),
                states, preview, Operator);
            Result<CaseTypeMigration> result = await handler.HandleAsync(request, cancellationToken);
            if (!result.TryGetValue(out CaseTypeMigration? migration, out Error? error))
            {
                return await context.FailAsync(error);
            }

            await WriteAsync(context, migration);
            return 0;
        });
        return migrate;
    }

    private static Dictionary<string, string>? ReadMap(string[] pairs)
    {
        Dictionary<string, string> states = new(StringComparer.Ordinal);
        foreach (string pair in pairs)
        {
            string[] sides = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (sides.Length != 2 || sides[0].Length == 0 || sides[1].Length == 0)
            {
                return null;
            }

            states[sides[0]] = sides[1];
        }

        return states;
    }

    private static async Task WriteAsync(CliContext context, CaseTypeMigration migration)
    {
        string verb = migration.Preview ? "would move" : "moved";
        await context.Output.WriteLineAsync(
            $"{migration.Key} v{migration.FromVersion} -> v{migration.ToVersion}: "
            + $"{verb} {migration.Total} open case(s).");
        foreach (StateMove move in migration.Moves)
        {
            await context.Output.WriteLineAsync($"  {move.From,-14} -> {move.To,-14} {move.Cases,8}");
        }

        if (migration.Preview)
        {
            await context.Output.WriteLineAsync("Nothing changed. Add --apply to move these cases.");
        }
    }
}
