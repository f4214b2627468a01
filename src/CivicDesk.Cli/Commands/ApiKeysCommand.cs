using System.CommandLine;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Core.Identity.ListApiKeys;
using CivicDesk.Core.Identity.RevokeApiKey;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Cli.Commands;

/// <summary>
/// <c>civicdesk apikeys issue|list|revoke</c>: partners' keys for the Open311 write API. The secret is
/// printed once, by <c>issue</c>, and never again: only its hash is stored.
/// </summary>
internal static class ApiKeysCommand
{
    /// <summary>Who the audit trail names for changes made from the command line.</summary>
    private static readonly Actor Operator = new(ActorKind.System, null, "cli", null);

    public static Command Create(CliContext context)
    {
        Command command = new("apikeys", "Issue, list and revoke partners' API keys for the Open311 API.");
        command.Subcommands.Add(Issue(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Revoke(context));
        return command;
    }

    private static Command Issue(CliContext context)
    {
        Option<string> jurisdiction = new("--jurisdiction")
        {
            Description = "Jurisdiction code, such as nyc",
            Required = true,
        };
        Option<string> name = new("--name")
        {
            Description = "Who holds the key, such as \"FixMyStreet pilot\"",
            Required = true,
        };
        Command issue = new("issue", "Issue a key and print it once.") { jurisdiction, name };
        issue.SetAction(async (parsed, cancellationToken) =>
        {
            await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
            if (services is null)
            {
                return CliContext.DatabaseNotReady;
            }

            await using AsyncServiceScope scope = services.CreateAsyncScope();
            IssueApiKeyHandler handler = scope.ServiceProvider.GetRequiredService<IssueApiKeyHandler>();
            IssueApiKey request = new(parsed.GetValue(jurisdiction)!, parsed.GetValue(name)!, Operator);
            Result<IssuedApiKey> result = await handler.HandleAsync(request, cancellationToken);
            if (!result.TryGetValue(out IssuedApiKey? issued, out Error? error))
            {
                return await context.FailAsync(error);
            }

            await context.Output.WriteLineAsync($"Issued key {issued.Prefix} for {issued.Name}.");
            await context.Output.WriteLineAsync("Give this key to the partner now; it is not shown again:");
            await context.Output.WriteLineAsync(issued.Key);
            return 0;
        });
        return issue;
    }

    private static Command List(CliContext context)
    {
        Option<string?> jurisdiction = new("--jurisdiction") { Description = "Only this jurisdiction's keys" };
        Command list = new("list", "List keys: prefix, jurisdiction, state, issue date and holder.") { jurisdiction };
        list.SetAction(async (parsed, cancellationToken) =>
        {
            await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
            if (services is null)
            {
                return CliContext.DatabaseNotReady;
            }

            await using AsyncServiceScope scope = services.CreateAsyncScope();
            ListApiKeysHandler handler = scope.ServiceProvider.GetRequiredService<ListApiKeysHandler>();
            Result<ApiKeySummary[]> listed =
                await handler.HandleAsync(parsed.GetValue(jurisdiction), cancellationToken);
            if (!listed.TryGetValue(out ApiKeySummary[]? keys, out Error? error))
            {
                return await context.FailAsync(error);
            }

            await context.Output.WriteLineAsync("PREFIX    JURISDICTION  STATE    ISSUED                NAME");
            foreach (ApiKeySummary key in keys)
            {
                string state = key.RevokedAt is null ? "active" : "revoked";
                await context.Output.WriteLineAsync(
                    $"{key.Prefix,-9} {key.JurisdictionCode,-13} {state,-8} {Format(key.CreatedAt),-21} {key.Name}");
            }

            await context.Output.WriteLineAsync($"{keys.Length} key(s).");
            return 0;
        });
        return list;
    }

    private static Command Revoke(CliContext context)
    {
        Argument<string> prefix = new("prefix") { Description = "The key's prefix, as listed" };
        Command revoke = new(
            "revoke", "Revoke a key for good; running servers refuse it within 5 seconds.") { prefix };
        revoke.SetAction(async (parsed, cancellationToken) =>
        {
            await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
            if (services is null)
            {
                return CliContext.DatabaseNotReady;
            }

            await using AsyncServiceScope scope = services.CreateAsyncScope();
            RevokeApiKeyHandler handler = scope.ServiceProvider.GetRequiredService<RevokeApiKeyHandler>();
            Result<RevokedApiKey> result = await handler.HandleAsync(
                new RevokeApiKey(parsed.GetValue(prefix)!, Operator), cancellationToken);
            if (!result.TryGetValue(out RevokedApiKey? revoked, out Error? error))
            {
                return await context.FailAsync(error);
            }

            string when = revoked.AlreadyRevoked ? "was already revoked on" : "revoked on";
            await context.Output.WriteLineAsync(
                $"Key {revoked.Prefix} ({revoked.Name}) {when} {Format(revoked.RevokedAt)}.");
            return 0;
        });
        return revoke;
    }

    private static string Format(Instant instant) => InstantPattern.General.Format(instant);
}
