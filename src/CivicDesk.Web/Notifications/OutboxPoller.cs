using CivicDesk.Core.Notifications;
using CivicDesk.Core.Notifications.SendNotifications;
using CivicDesk.Web.Hosting;
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
    ILogger<OutboxPoller> logger) : RoundPoller(scopes, time)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override int BatchSize => options.Value.BatchSize;

    protected override bool Start()
    {
        NotificationOptions settings = options.Value;
        if (!settings.IsEnabled)
        {
            Log.SenderOff(logger);
            return false;
        }

        Log.SenderStarted(
            logger, settings.SmtpPort, settings.SmtpSecurity.ToString(), settings.PollInterval, settings.BatchSize);
        return true;
    }

    protected override Task<int> RunDueAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<OutboxSender>().RunDueAsync(cancellationToken);

    // The database may be down for a while; claimed rows come back when their claim runs out.
    protected override void RoundFailed(string failure) => Log.RoundFailed(logger, failure);
}
