using System.Collections.Immutable;
using System.CommandLine;
using CivicDesk.Core.Calendars;
using CivicDesk.Core.Calendars.ListCalendars;
using CivicDesk.Core.Calendars.PublishCalendar;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;

namespace CivicDesk.Cli.Commands;

/// <summary>
/// <c>civicdesk calendars publish|list</c>: publishes a checked business calendar version (open cases whose
/// clocks count on it get their deadlines evaluated again) and lists the published versions.
/// </summary>
internal static class CalendarsCommand
{
    private static readonly Actor Operator = new(ActorKind.System, null, "cli", null);

    public static Command Create(CliContext context)
    {
        Command command = new("calendars", "Work with published business calendar versions.");
        command.Subcommands.Add(Publish(context));
        command.Subcommands.Add(List(context));
        return command;
    }

    private static Option<string> Jurisdiction() => new("--jurisdiction")
    {
        Description = "Jurisdiction code, such as nyc",
        Required = true,
    };

    private static Command Publish(CliContext context)
    {
        Argument<FileInfo> file = new("file") { Description = "The calendar's YAML file" };
        Option<string> jurisdiction = Jurisdiction();
        Command publish = new("publish", "Check a calendar file and publish it; open cases' deadlines follow.")
        {
            file, jurisdiction,
        };
        publish.SetAction(async (parsed, cancellationToken) =>
        {
            FileInfo path = parsed.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"file: {path.FullName} does not exist.");
                return 1;
            }

            string yaml = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            (CalendarPublication? publication, ImmutableArray<FileProblem> problems) =
                CalendarPublication.Read(path.Name, yaml, Operator);
            if (publication is null)
            {
                foreach (FileProblem problem in problems)
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
            Result<PublishedCalendar> result = await scope.ServiceProvider
                .GetRequiredService<PublishCalendarHandler>()
                .HandleAsync(parsed.GetValue(jurisdiction)!, publication, cancellationToken);
            if (!result.TryGetValue(out PublishedCalendar? published, out Error? error))
            {
                return await context.FailAsync(error);
            }

            string evaluated = $"{published.CasesRecomputed} open case(s) evaluated again, "
                + $"{published.DeadlinesMoved} deadline(s) moved.";
            await context.Output.WriteLineAsync(published switch
            {
                { RecomputeResumed: true } => $"{published.Key} version {published.Version} was already published; "
                    + $"the evaluation of open cases it started had not finished and was run again: {evaluated}",
                { AlreadyPublished: true } => $"{published.Key} version {published.Version} was already published.",
                _ => $"{published.Key} version {published.Version} published (content {published.ContentHash[..12]}); "
                    + evaluated,
            });
            return 0;
        });
        return publish;
    }

    private static Command List(CliContext context)
    {
        Option<string> jurisdiction = Jurisdiction();
        Command list = new("list", "List the published versions of the jurisdiction's calendars.") { jurisdiction };
        list.SetAction(async (parsed, cancellationToken) =>
        {
            await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
            if (services is null)
            {
                return CliContext.DatabaseNotReady;
            }

            await using AsyncServiceScope scope = services.CreateAsyncScope();
            Result<IReadOnlyList<CalendarListItem>> result = await scope.ServiceProvider
                .GetRequiredService<ListCalendarsHandler>()
                .HandleAsync(parsed.GetValue(jurisdiction)!, cancellationToken);
            if (!result.TryGetValue(out IReadOnlyList<CalendarListItem>? items, out Error? error))
            {
                return await context.FailAsync(error);
            }

            foreach (CalendarListItem item in items)
            {
                await context.Output.WriteLineAsync(
                    $"{item.Key,-24} v{item.Version,-4} {item.ContentHash[..12]}  "
                    + $"{InstantPattern.ExtendedIso.Format(item.PublishedAt)}  {item.PublishedBy}");
            }

            return 0;
        });
        return list;
    }
}
