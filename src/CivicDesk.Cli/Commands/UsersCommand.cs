using System.CommandLine;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.AddStaffUser;
using CivicDesk.Core.Identity.DeactivateStaffUser;
using CivicDesk.Core.Identity.ListStaffUsers;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Cli.Commands;

/// <summary>
/// <c>civicdesk users add|list|deactivate</c>: creates staff users, lists them, and closes an account; the other
/// account chores are in <see cref="UserAccountCommands"/>.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        Command users = new("users",
            "Create, list, deactivate and reactivate staff users, reset passwords, change roles and departments.");
        users.Subcommands.Add(CreateAdd(context));
        users.Subcommands.Add(CreateList(context));
        users.Subcommands.Add(CreateDeactivate(context));
        users.Subcommands.Add(UserAccountCommands.CreateReactivate(context));
        users.Subcommands.Add(UserAccountCommands.CreateResetPassword(context));
        users.Subcommands.Add(UserAccountCommands.CreateChange(context));
        return users;
    }

    private static Command CreateAdd(CliContext context)
    {
        Option<string> userName = new("--username") { Description = "Sign-in name (lower case)", Required = true };
        Option<string> name = new("--name") { Description = "The person's name as colleagues see it", Required = true };
        Option<string> role = new("--role") { Description = "agent, supervisor or administrator", Required = true };
        Option<string[]> departments = new("--department")
        {
            Description = "Department code such as HPD; repeat for several",
            AllowMultipleArgumentsPerToken = false,
        };
        Option<string?> jurisdiction = new(
            "--jurisdiction") { Description = "Jurisdiction code when there are several" };
        Option<bool> passwordStdin = new("--password-stdin")
        {
            Description = "Read the password from the first line of standard input; "
                + "otherwise a one-time one is printed",
        };
        Option<string?> timeZone = new("--time-zone")
        {
            Description = "The tz database zone the workspace shows the user times in, such as America/Chicago; "
                + "the jurisdiction's by default",
        };
        Option<string?> email = new("--email")
        {
            Description = "The work address case notifications are sent to; without it the user gets none by mail",
        };
        Option<string?> language = new("--language")
        {
            Description = "The language of the user's notifications: en (default) or es",
        };
        Command add = new("add", "Create a staff user.") { userName, name, role, departments, jurisdiction,
            passwordStdin, timeZone, email, language };
        add.SetAction(async (parsed, cancellationToken) =>
        {
            if (!TryParseRole(parsed.GetValue(role), out StaffRole staffRole))
            {
                await context.Error.WriteLineAsync("--role: use agent, supervisor or administrator.");
                return 2;
            }

            // User names are lower case (docs/workspace.md); say so rather than change what was typed.
            string typed = parsed.GetValue(userName)!.Trim();
            if (typed.Any(char.IsUpper))
            {
                await context.Error.WriteLineAsync(
                    $"--username: user names are lower case; use '{typed.ToLowerInvariant()}'.");
                return 1;
            }

            string? password = parsed.GetValue(passwordStdin) ? await context.Input.ReadLineAsync(
                cancellationToken) : null;
            if (parsed.GetValue(passwordStdin) && password is null)
            {
                await context.Error.WriteLineAsync("--password-stdin: standard input held no line.");
                return 2;
            }

            AddStaffUser request = new(
                parsed.GetValue(userName)!, parsed.GetValue(name)!, staffRole,
                parsed.GetValue(departments) ?? [], password, parsed.GetValue(jurisdiction))
            {
                TimeZoneId = parsed.GetValue(timeZone),
                Email = parsed.GetValue(email),
                Language = parsed.GetValue(language),
            };
            return await AddAsync(context, parsed, request, cancellationToken);
        });
        return add;
    }

    private static async Task<int> AddAsync(
        CliContext context,
        ParseResult parsed,
        AddStaffUser request,
        CancellationToken cancellationToken)
    {
        await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
        if (services is null)
        {
            return CliContext.DatabaseNotReady;
        }

        await using AsyncServiceScope scope = services.CreateAsyncScope();
        AddStaffUserHandler handler = scope.ServiceProvider.GetRequiredService<AddStaffUserHandler>();
        Actor actor = new(ActorKind.System, null, "cli", null);
        Result<StaffUserAdded> result = await handler.HandleAsync(request, actor, cancellationToken);
        if (!result.TryGetValue(out StaffUserAdded? added, out Error? error))
        {
            await WriteErrorAsync(context, error);
            return 1;
        }

        await context.Output.WriteLineAsync(added.OneTimePassword is null
            ? $"Created staff user '{added.UserName}'."
            : $"Created staff user '{added.UserName}' with the one-time password {added.OneTimePassword} "
                + "(to be changed at first sign-in).");
        return 0;
    }

    private static Command CreateList(CliContext context)
    {
        Command list = new("list", "List staff users with role, departments and account state.");
        list.SetAction(async (parsed, cancellationToken) =>
        {
            await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
        if (services is null)
        {
            return CliContext.DatabaseNotReady;
        }

            await using AsyncServiceScope scope = services.CreateAsyncScope();
            ListStaffUsersHandler handler = scope.ServiceProvider.GetRequiredService<ListStaffUsersHandler>();
            IReadOnlyList<StaffUserSummary> users = await handler.HandleAsync(cancellationToken);
            await context.Output.WriteLineAsync(
                $"{"USERNAME",-20} {"ROLE",-14} {"DEPARTMENTS",-20} {"STATE",-22} NAME");
            foreach (StaffUserSummary user in users)
            {
                string state = !user.IsActive ? "deactivated"
                    : user.IsLocked ? "locked"
                    : user.MustChangePassword ? "must change password"
                    : "active";
                string departmentList = user.DepartmentCodes.Count == 0 ? "-" : string.Join(',', user.DepartmentCodes);
                await context.Output.WriteLineAsync(
                    $"{user.UserName,-20} {user.Role.ToString().ToLowerInvariant(),-14} {departmentList,-20} "
                    + $"{state,-22} {user.DisplayName}");
            }

            await context.Output.WriteLineAsync($"{users.Count} staff user(s).");
            return 0;
        });
        return list;
    }

    private static Command CreateDeactivate(CliContext context)
    {
        Option<string> userName = new("--username") { Description = "Sign-in name", Required = true };
        Command deactivate = new("deactivate", "Close a staff account; its open sessions end at once.") { userName };
        deactivate.SetAction(async (parsed, cancellationToken) =>
        {
            await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
        if (services is null)
        {
            return CliContext.DatabaseNotReady;
        }

            await using AsyncServiceScope scope = services.CreateAsyncScope();
            DeactivateStaffUserHandler handler = scope.ServiceProvider.GetRequiredService<DeactivateStaffUserHandler>();
            Actor actor = new(ActorKind.System, null, "cli", null);
            string name = parsed.GetValue(userName)!;
            Result<bool> result = await handler.HandleAsync(new DeactivateStaffUser(name), actor, cancellationToken);
            if (!result.TryGetValue(out bool changed, out Error? error))
            {
                await WriteErrorAsync(context, error);
                return 1;
            }

            await context.Output.WriteLineAsync(changed
                ? $"Deactivated staff user '{StaffNames.Normalize(name)}'; its sessions have ended."
                : $"Staff user '{StaffNames.Normalize(name)}' was already deactivated.");
            return 0;
        });
        return deactivate;
    }

    internal static bool TryParseRole(string? value, out StaffRole role) =>
        Enum.TryParse(value, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(value, out _);

    internal static async Task WriteErrorAsync(CliContext context, Error error)
    {
        if (error is ValidationFailed invalid)
        {
            foreach (FieldError field in invalid.Errors)
            {
                // Fields are named as in the API (time_zone); options use hyphens (--time-zone).
                await context.Error.WriteLineAsync($"--{field.Field.Replace('_', '-')}: {field.Message}");
            }

            return;
        }

        await context.Error.WriteLineAsync(error.Title);
    }
}
