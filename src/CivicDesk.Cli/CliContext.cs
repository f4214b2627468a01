using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using CivicDesk.Core;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Cli;

/// <summary>
/// What every command shares: where to write, and how to reach the database. Without options the command
/// line uses the same SQLite file as the web app (see <see cref="DataFolder"/>).
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, TextReader? input = null)
{
    public static readonly Option<string> DatabaseProviderOption = new("--database")
    {
        Description = "Sqlite (default) or Postgres",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Database__Provider") ?? DatabaseProviders.Sqlite,
        Recursive = true,
    };

    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "Connection string; default: the SQLite file in the data folder",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Database__ConnectionString"),
        Recursive = true,
    };

    /// <summary>The exit code of a command that stopped because its database is unreachable or not migrated.</summary>
    public const int DatabaseNotReady = 3;

    public TextWriter Output => output;

    public TextWriter Error => error;

    /// <summary>
    /// Writes a use case's refusal to the error output, one line per rejected field named as its option (every
    /// one of them, so a wrong case type mapping lists each state at once), and returns the exit code of a
    /// refused command.
    /// </summary>
    public async Task<int> FailAsync(Core.Common.Error refusal)
    {
        IEnumerable<string> lines = refusal is Core.Common.ValidationFailed invalid
            ? invalid.Errors.Select(e => $"--{e.Field}: {e.Message}")
            : [refusal.Title];
        foreach (string line in lines)
        {
            await error.WriteLineAsync(line);
        }

        return 1;
    }

    /// <summary>Where secrets such as a password are read from (<c>--password-stdin</c>).</summary>
    public TextReader Input => input ?? Console.In;

    /// <summary>
    /// Services on the command line's database, once it answers and holds every migration. Otherwise writes
    /// one line saying what to do to the error output and returns null; the command then exits with
    /// <see cref="DatabaseNotReady"/>. Only <c>migrate</c> and <c>import</c>, which migrate, skip this.
    /// </summary>
    public async Task<ServiceProvider?> OpenMigratedAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        ServiceProvider services = CreateServices(parsed);
        string? problem;
        await using (AsyncServiceScope scope = services.CreateAsyncScope())
        {
            DatabaseFacade database = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>().Database;
            problem = !await database.CanConnectAsync(cancellationToken)
                ? "The database cannot be reached or does not exist; check --database and --connection, "
                    + "then run `civicdesk migrate`."
                : (await database.GetPendingMigrationsAsync(cancellationToken)).Any()
                    ? "The database is not migrated; run `civicdesk migrate` first."
                    : null;
        }

        if (problem is null)
        {
            return services;
        }

        await services.DisposeAsync();
        await Error.WriteLineAsync(problem);
        return null;
    }

    /// <summary>A service provider with Core's use cases on the database the command line names.</summary>
    public static ServiceProvider CreateServices(ParseResult parsed)
    {
        string dataFolder = DataFolder.Resolve();
        DatabaseOptions database = new DatabaseOptions
        {
            Provider = parsed.GetValue(DatabaseProviderOption) ?? DatabaseProviders.Sqlite,
            ConnectionString = parsed.GetValue(ConnectionOption) ?? string.Empty,
        }.Resolved(dataFolder);

        ServiceCollection services = new();
        // Log lines go to standard error, so that standard output holds only what the command prints. EF Core
        // reports only errors: its warnings and information are no business of a command-line user, and the
        // commands report the expected database problems themselves in one line.
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<IFileStore>(new LocalFileStore(Path.Combine(dataFolder, "files")));
        services.AddCivicDeskData(database);
        services.AddCivicDeskCore();

        // The same Identity settings as the web host (password length, hashing), from the environment:
        // Identity__MinPasswordLength=14.
        IConfiguration environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        services.AddOptions<IdentityOptions>().Bind(environment.GetSection(IdentityOptions.SectionName))
            .Validate(
                o => Validator.TryValidateObject(o, new ValidationContext(o), null, validateAllProperties: true),
                "An Identity__ setting in the environment is out of range.");
        return services.BuildServiceProvider();
    }
}
