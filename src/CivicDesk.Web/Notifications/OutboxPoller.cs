using CivicDesk.Core.Notifications;
using CivicDesk.Core.Notifications.SendNotifications;
using Microsoft.Extensions.Options;

namespace CivicDesk.Web.Notifications;

/// <summary>
/// Sends the notifications outbox in the background: a round every <see cref="NotificationOptions.PollInterval"/>,
/// and the next round at once while rounds come back full. Off, saying so once, when no SMTP host is configured.
/// </summary>
internal sealed class OutboxPoller(
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<OutboxPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NotificationOptions settings = options.Value;
        if (!settings.IsEnabled)
        {
            Log.SenderOff(logger);
            return;
        }

        Log.SenderStarted(
            logger, settings.SmtpPort, settings.SmtpSecurity.ToString(), settings.PollInterval, settings.BatchSize);
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
            return await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunDueAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The database may be down for a while; claimed rows come back when their claim runs out.
            Log.RoundFailed(logger, failure.GetType().Name);
            return 0;
        }
    }
}
