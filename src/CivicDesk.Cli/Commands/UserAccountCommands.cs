using System.CommandLine;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.ChangeStaffAccess;
using CivicDesk.Core.Identity.ReactivateStaffUser;
using CivicDesk.Core.Identity.ResetStaffPassword;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Cli.Commands;

/// <summary>
/// <c>civicdesk users reset-password|reactivate|change</c>: the account chores of an administrator. Each is
/// audited with the command line as the actor; refusals name the option and exit with 1.
/// </summary>
internal static class UserAccountCommands
{
    private static readonly Actor Cli = new(ActorKind.System, null, "cli", null);

    public static Command CreateResetPassword(CliContext context)
    {
        Option<string> userName = new("--username") { Description = "Sign-in name", Required = true };
        Option<bool> passwordStdin = new("--password-stdin")
        {
            Description = "Read the new password from the first line of standard input; otherwise a one-time "
                + "one is printed. Either way the user must choose another at the next sign-in",
        };
        Command reset = new("reset-password",
            "Give a user a new password to replace at the next sign-in; open sessions end and a lock is lifted.")
        {
            userName, passwordStdin,
        };
        reset.SetAction(async (parsed, cancellationToken) =>
        {
            string? password = null;
            if (parsed.GetValue(passwordStdin)
                && (password = await context.Input.ReadLineAsync(cancellationToken)) is null)
            {
                await context.Error.WriteLineAsync("--password-stdin: standard input held no line.");
                return 2;
            }

            return await RunAsync<ResetStaffPasswordHandler, StaffPasswordReset>(context, parsed,
                h => h.HandleAsync(
                    new ResetStaffPassword(parsed.GetValue(userName)!, password), Cli, cancellationToken),
                reset => reset.OneTimePassword is null
                    ? $"Reset the password of '{reset.UserName}'; it must be changed at the next sign-in."
                    : $"Reset the password of '{reset.UserName}' to the one-time password {reset.OneTimePassword} "
                        + "(to be changed at the next sign-in).",
                cancellationToken);
        });
        return reset;
    }

    public static Command CreateReactivate(CliContext context)
    {
        Option<string> userName = new("--username") { Description = "Sign-in name", Required = true };
        Command reactivate = new("reactivate", "Open a deactivated account again.") { userName };
        reactivate.SetAction((parsed, cancellationToken) =>
        {
            string name = StaffNames.Normalize(parsed.GetValue(userName)!);
            return RunAsync<ReactivateStaffUserHandler, bool>(context, parsed,
                h => h.HandleAsync(new ReactivateStaffUser(name), Cli, cancellationToken),
                changed => changed
                    ? $"Reactivated staff user '{name}'."
                    : $"Staff user '{name}' was already active.",
                cancellationToken);
        });
        return reactivate;
    }

    public static Command CreateChange(CliContext context)
    {
        Option<string> userName = new("--username") { Description = "Sign-in name", Required = true };
        Option<string?> role = new("--role") { Description = "The new role: agent, supervisor or administrator" };
        Option<string[]> departments = new("--department")
        {
            Description = "Department code such as HPD; repeat for several. Replaces the user's departments",
            AllowMultipleArgumentsPerToken = false,
        };
        Command change = new("change",
            "Change a user's role and/or departments; a new role ends the user's open sessions.")
        {
            userName, role, departments,
        };
        change.SetAction(async (parsed, cancellationToken) =>
        {
            string? roleText = parsed.GetValue(role);
            StaffRole? newRole = null;
            if (roleText is not null)
            {
                if (!UsersCommand.TryParseRole(roleText, out StaffRole parsedRole))
                {
                    await context.Error.WriteLineAsync("--role: use agent, supervisor or administrator.");
                    return 2;
                }

                newRole = parsedRole;
            }

            string[]? codes = parsed.GetValue(departments) is { Length: > 0 } given ? given : null;
            if (newRole is null && codes is null)
            {
                await context.Error.WriteLineAsync("Give --role, --department or both.");
                return 2;
            }

            return await RunAsync<ChangeStaffAccessHandler, StaffAccessChanged>(context, parsed,
                h => h.HandleAsync(new ChangeStaffAccess(parsed.GetValue(userName)!, newRole, codes), Cli,
                    cancellationToken),
                done => $"Staff user '{done.UserName}' is now {done.Role.ToString().ToLowerInvariant()} of "
                    + (done.DepartmentCodes.Count == 0 ? "no department" : string.Join(',', done.DepartmentCodes))
                    + ".",
                cancellationToken);
        });
        return change;
    }

    private static async Task<int> RunAsync<THandler, T>(
        CliContext context,
        ParseResult parsed,
        Func<THandler, Task<Result<T>>> handle,
        Func<T, string> success,
        CancellationToken cancellationToken)
        where THandler : notnull
    {
        await using ServiceProvider? services = await context.OpenMigratedAsync(parsed, cancellationToken);
        if (services is null)
        {
            return CliContext.DatabaseNotReady;
        }

        await using AsyncServiceScope scope = services.CreateAsyncScope();
        Result<T> result = await handle(scope.ServiceProvider.GetRequiredService<THandler>());
        if (!result.TryGetValue(out T? value, out Error? error))
        {
            await UsersCommand.WriteErrorAsync(context, error);
            return 1;
        }

        await context.Output.WriteLineAsync(success(value));
        return 0;
    }
}
