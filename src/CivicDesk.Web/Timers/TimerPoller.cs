using CivicDesk.Core.Timers;
using Microsoft.Extensions.Options;

namespace CivicDesk.Web.Timers;

/// <summary>
/// Fires due timers in the background: a round every <see cref="TimerOptions.PollInterval"/>, and the next
/// round at once while rounds come back full. Each web node may run one; on PostgreSQL they share the work.
/// </summary>
internal sealed class TimerPoller(
    IServiceScopeFactory scopes,
    IOptions<TimerOptions> options,
    TimeProvider time,
    ILogger<TimerPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimerOptions settings = options.Value;
        if (!settings.Enabled)
        {
            Log.PollerDisabled(logger);
            return;
        }

        Log.PollerStarted(logger, settings.PollInterval, settings.BatchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken = await RunRoundAsync(stoppingToken);
            if (taken < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private async Task<int> RunRoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using AsyncServiceScope scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TimerDispatcher>().RunDueAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The database may be down for a while; the next round tries again, and no timer is lost.
            Log.RoundFailed(logger, failure.GetType().Name);
            return 0;
        }
    }
}
