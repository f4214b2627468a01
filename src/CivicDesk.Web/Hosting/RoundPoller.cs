namespace CivicDesk.Web.Hosting;

/// <summary>
/// A background service that works in rounds: one round, then the next at once while rounds come back full,
/// otherwise a rest of <see cref="Interval"/> on the <see cref="TimeProvider"/> (so tests drive it with a fake
/// clock). A failed round is logged by the subclass and the next one tries again; each round has its own scope.
/// </summary>
internal abstract class RoundPoller(IServiceScopeFactory scopes, TimeProvider time) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract int BatchSize { get; }

    /// <summary>Says once whether the poller runs on this node; false stops it.</summary>
    protected abstract bool Start();

    /// <summary>One round with the round's services; returns how many items it took.</summary>
    protected abstract Task<int> RunDueAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Logs a round that failed, by the failure's type only.</summary>
    protected abstract void RoundFailed(string failure);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Start())
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int taken = await RunRoundAsync(stoppingToken);
            if (taken < BatchSize)
            {
                try
                {
                    await Task.Delay(Interval, time, stoppingToken);
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
            return await RunDueAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            RoundFailed(failure.GetType().Name);
            return 0;
        }
    }
}
