using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Testing;
using CivicDesk.Web.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// The web host for workspace tests: cheap password hashing, a sign-in limit the tests do not hit unless
/// they mean to, and the start-up console captured so the first-start line can be read.
/// </summary>
public abstract class WorkspaceApp(string provider, int signInLimit = 10_000) : WebAppFixture(provider)
{
    private readonly StringWriter _console = new();

    public string ConsoleText => _console.ToString();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<IdentityOptions>(o => o.PasswordIterations = 1_000);
        services.Configure<SignInLimitOptions>(o => o.PermitLimit = signInLimit);
        services.AddSingleton(new StartupConsole(_console));
    }
}

public sealed class WorkspaceSqliteApp() : WorkspaceApp(DatabaseProviders.Sqlite);

public sealed class WorkspacePostgresApp() : WorkspaceApp(DatabaseProviders.Postgres);

public sealed class LimitedSqliteApp() : WorkspaceApp(DatabaseProviders.Sqlite, signInLimit: 3);

public sealed class LimitedPostgresApp() : WorkspaceApp(DatabaseProviders.Postgres, signInLimit: 3);
