using System.Net;
using CivicDesk.Core.Data;
using CivicDesk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace CivicDesk.Browser.Tests;

/// <summary>
/// CivicDesk listening on a real loopback socket (127.0.0.1, a free port) over a fresh SQLite database,
/// and Debian's Chromium driven by Playwright. No Playwright browser is ever downloaded: the executable
/// comes from <c>CIVICDESK_CHROMIUM</c> or <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumVariable = "CIVICDESK_CHROMIUM";

    private static readonly string[] ChromiumArguments =
    [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _dataFolder =
        Path.Combine(Path.GetTempPath(), "civicdesk-browser-tests", Guid.NewGuid().ToString("N"));

    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _skipReason;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>
    /// The running host's services, for a journey that stores its own data first; skips the test when Chromium
    /// is missing, since the host is then never started.
    /// </summary>
    public IServiceProvider Services
    {
        get
        {
            if (_skipReason is not null)
            {
                Assert.Skip(_skipReason);
            }

            return _factory?.Services ?? throw new InvalidOperationException("The host has not started.");
        }
    }

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _skipReason = $"Chromium was not found at {ChromiumPath}; set {ChromiumVariable} to run the browser tests.";
            return;
        }

        _database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        int port = FreeLoopbackPort();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("PublicBaseUrl", $"http://127.0.0.1:{port}");
            builder.UseSetting("DataFolder", _dataFolder);
            builder.UseSetting("Database:Provider", _database.Provider);
            builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
            builder.UseSetting("Demo:SeedHistory", "false");
            // A background poller would add SLA events to the cases that tests count; timer tests run their own.
            builder.UseSetting("Timers:Enabled", "false");
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>
    /// A loopback port free right now. The host must know its public URL before it listens, because every
    /// absolute URL it writes comes from that setting, not from the request.
    /// </summary>
    private static int FreeLoopbackPort()
    {
        using System.Net.Sockets.TcpListener probe = new(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>
    /// A fresh browser context (own cookies) with JavaScript on or off, closed when the token fires;
    /// skips the test when Chromium is missing.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript, CancellationToken cancellationToken)
    {
        if (_skipReason is not null)
        {
            Assert.Skip(_skipReason);
        }

        IBrowserContext context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);

        // Playwright calls take no cancellation token: closing the context ends any call still waiting
        // when the test times out.
        cancellationToken.Register(() => _ = context.CloseAsync());
        return context;
    }

    /// <summary>
    /// A page for <see cref="Accessibility.AssertNoViolationsWithoutScriptAsync"/>: JavaScript stays on so
    /// axe can run, but every script file the page asks for is refused.
    /// </summary>
    public static async Task<IPage> NewCheckerPageAsync(IBrowserContext context)
    {
        IPage checker = await context.NewPageAsync();
        await checker.RouteAsync("**/*.js", route => route.AbortAsync());
        return checker;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
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
    }
}
