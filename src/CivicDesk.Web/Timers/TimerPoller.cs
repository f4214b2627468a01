using CivicDesk.Core.Timers;
using CivicDesk.Web.Hosting;
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
    ILogger<TimerPoller> logger) : RoundPoller(scopes, time)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override int BatchSize => options.Value.BatchSize;

    protected override bool Start()
    {
        TimerOptions settings = options.Value;
        if (!settings.Enabled)
        {
            Log.PollerDisabled(logger);
            return false;
        }

        Log.PollerStarted(logger, settings.PollInterval, settings.BatchSize);
        return true;
    }

    protected override Task<int> RunDueAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<TimerDispatcher>().RunDueAsync(cancellationToken);

    // The database may be down for a while; the next round tries again, and no timer is lost.
    protected override void RoundFailed(string failure) => Log.RoundFailed(logger, failure);
}
