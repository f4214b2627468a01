using CivicDesk.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Testing;

/// <summary>
/// One running CivicDesk web host on a fresh database of one provider, shared by the tests of a class.
/// The host migrates and seeds the NYC catalogue on start, as a first start does, but imports no history.
/// </summary>
public abstract class WebAppFixture(string provider) : IAsyncLifetime
{
    private readonly string _dataFolder =
        Path.Combine(Path.GetTempPath(), "civicdesk-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;

    public string Provider => provider;

    /// <summary>The running host; skips the test when its database is not available here.</summary>
    public WebApplicationFactory<Program> Factory => _factory
        ?? throw new InvalidOperationException("The web host did not start.");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("No database.");

    public string DataFolder => _dataFolder;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProviders.Postgres
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(provider);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("DataFolder", _dataFolder);
            builder.UseSetting("Database:Provider", _database.Provider);
            builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
            builder.UseSetting("Demo:SeedHistory", "false");
            // A background poller would add SLA events to the cases that tests count; timer tests run their own.
            builder.UseSetting("Timers:Enabled", "false");
            foreach ((string key, string value) in Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(ConfigureServices);
        });
        _ = _factory.Server;
    }

    /// <summary>Skips the calling test when this fixture's database is not available on this machine.</summary>
    public void RequireDatabase()
    {
        if (_factory is null)
        {
            Assert.Skip($"Set {TestDatabase.PostgresVariable} to run the {provider} tests.");
        }
    }

    public HttpClient CreateClient(bool followRedirects = false)
    {
        RequireDatabase();
        return Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
    }

    public AsyncServiceScope CreateScope()
    {
        RequireDatabase();
        return Factory.Services.CreateAsyncScope();
    }

    /// <summary>Configuration a fixture adds to the defaults above, read when the host is built.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWebApp() : WebAppFixture(DatabaseProviders.Sqlite);

public sealed class PostgresWebApp() : WebAppFixture(DatabaseProviders.Postgres);
