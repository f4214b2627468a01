using System.CommandLine;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Cli.Commands;

/// <summary><c>civicdesk migrate</c>: brings the database schema up to date.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        Command command = new("migrate", "Apply every pending database migration.");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using ServiceProvider services = CliContext.CreateServices(parsed);
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
            List<string> pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
            await db.Database.MigrateAsync(cancellationToken);
            await context.Output.WriteLineAsync($"Applied {pending.Count} migration(s); the database is up to date.");
            return 0;
        });
        return command;
    }
}
