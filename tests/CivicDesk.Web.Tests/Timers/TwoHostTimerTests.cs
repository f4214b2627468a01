using System.Text.Json;
using CivicDesk.Core;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using CivicDesk.Web.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CivicDesk.Web.Tests.Timers;

/// <summary>
/// Two hosts (two service providers, each with its own context pool and timer poller) on one database fire 500
/// due timers together: each timer fires exactly once, counted by its effects and by its fired mark.
/// </summary>
public sealed class TwoHostTimerTests
{
    private const int Cases = 25;
    private const int TimersPerCase = 20;
    private const int TimerCount = Cases * TimersPerCase;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TwoPollers_OnOneDatabase_FireEachOf500TimersExactlyOnce(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 4, 14, 0, 0, TimeSpan.Zero));
        FiredCounter firstCount = new();
        FiredCounter secondCount = new();
        await using ServiceProvider first = Host(database, time, firstCount);
        await using ServiceProvider second = Host(database, time, secondCount);
        await SeedAsync(database, first, time);
        IHostedService[] pollers = [.. first.GetServices<IHostedService>(), .. second.GetServices<IHostedService>()];

        // Both pollers start and find nothing due (the timers are due a minute from now). Each step of the clock by
        // a poll interval wakes both, so from the minute on they compete for the same due timers.
        await Task.WhenAll(pollers.Select(p => p.StartAsync(Ct)));
        await WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromSeconds(5));
            return await CountAsync(database, TimerStates.Pending) == 0;
        });
        await Task.WhenAll(pollers.Select(p => p.StopAsync(Ct)));

        await using CivicDeskDbContext db = database.CreateContext();
        List<DurableTimer> timers = await db.Timers.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(TimerCount, timers.Count);
        Assert.All(timers, t => Assert.Equal((TimerStates.Fired, 1), (t.State, t.Attempts)));
        List<Guid> eventCases = await db.CaseEvents.Where(e => e.Kind == CaseEventKind.SlaBreached)
            .Select(e => e.CaseId).ToListAsync(Ct);
        Assert.Equal(TimerCount, eventCases.Count);
        Assert.All(eventCases.CountBy(id => id), c => Assert.Equal(TimersPerCase, c.Value));
        List<string?> audits = await db.AuditEntries.Where(a => a.Action == "case.sla_breached")
            .Select(a => a.Detail).ToListAsync(Ct);
        HashSet<Guid> auditedTimers = [.. audits.Select(TimerOf)];
        Assert.Equal(TimerCount, audits.Count);
        Assert.True(auditedTimers.SetEquals(timers.Select(t => t.Id)));
        Assert.Equal(TimerCount, firstCount.Fired + secondCount.Fired);

        // No host ever took a timer the other held: a double claim would run the handler twice and end in a
        // failed attempt (the fired mark's concurrency token refuses the second commit).
        Assert.Equal(0, firstCount.Failed + secondCount.Failed);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{provider}: first host fired {firstCount.Fired}, second host fired {secondCount.Fired}");
    }

    private static ServiceProvider Host(TestDatabase database, FakeTimeProvider time, FiredCounter counter)
    {
        ServiceCollection services = new();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(counter));
        services.AddSingleton<TimeProvider>(time);
        services.AddCivicDeskData(database.Options);
        services.AddCivicDeskCore();
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Timers:BatchSize"] = "40",
                ["Timers:PollInterval"] = "00:00:05",
            })
            .Build();
        services.AddTimerPolling(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task SeedAsync(TestDatabase database, ServiceProvider host, FakeTimeProvider time)
    {
        await using (await database.CreateMigratedContextAsync())
        {
        }

        await using (AsyncServiceScope scope = host.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedCatalogHandler>()
                .HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
        }

        await using CivicDeskDbContext db = database.CreateContext();
        Service service = await db.Services.SingleAsync(s => s.Code == "heat-hot-water", Ct);
        Queue queue = await db.Queues.FirstAsync(q => q.DepartmentId == service.DepartmentId, Ct);
        Instant now = time.GetCurrentInstant();
        for (int c = 0; c < Cases; c++)
        {
            NewCase details = new(
                Guid.CreateVersion7(), service.JurisdictionId, service.Id, service.DepartmentId, queue.Id,
                ReferenceNumbers.New(), Channel.Phone, "Synthetic test case",
                new CaseLocation(null, "1 Test Street", null, "10007"), CaseAnswers.Empty, null, now);
            (Case created, CaseEvent opened) = Case.Submit(details, Actor.System, Guid.CreateVersion7());
            db.Cases.Add(created);
            db.CaseEvents.Add(opened);
            for (int t = 0; t < TimersPerCase; t++)
            {
                Instant due = now + Duration.FromMinutes(1) + Duration.FromSeconds((c * TimersPerCase) + t);
                db.Timers.Add(new DurableTimer(
                    Guid.CreateVersion7(), TimerKinds.SlaBreach, created.Id, "resolution", due, null, now));
            }
        }

        await db.SaveChangesAsync(Ct);
    }

    // Waits for the pollers' work to show in the database; the limit guards against a hang, it measures nothing.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        while (!await condition())
        {
            await Task.Delay(50, limit.Token);
        }
    }

    private static async Task<int> CountAsync(TestDatabase database, string state)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        return await db.Timers.CountAsync(t => t.State == state, Ct);
    }

    private static Guid TimerOf(string? detail)
    {
        using JsonDocument json = JsonDocument.Parse(detail!);
        return json.RootElement.GetProperty("timer").GetGuid();
    }

    /// <summary>Counts the "timer fired" (10001) and "attempt failed" (10003) log events of one host.</summary>
    private sealed class FiredCounter : ILoggerProvider, ILogger
    {
        private int _fired;
        private int _failed;

        public int Fired => _fired;

        public int Failed => _failed;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 10001)
            {
                Interlocked.Increment(ref _fired);
            }
            else if (eventId.Id == 10003)
            {
                Interlocked.Increment(ref _failed);
            }
        }

        public void Dispose()
        {
        }
    }
}
