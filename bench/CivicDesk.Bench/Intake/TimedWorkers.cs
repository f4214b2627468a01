using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CivicDesk.Bench.Intake;

/// <summary>
/// Runs the same operation in a loop on several concurrent workers: first for a warm-up that is not
/// recorded, then for the measured window. An operation gets its worker number and a sequence number, and
/// returns false (or throws) when it failed.
/// </summary>
internal static class TimedWorkers
{
    public static async Task<LoadResult> RunAsync(
        int workers,
        TimeSpan warmup,
        TimeSpan window,
        Func<int, int, CancellationToken, Task<bool>> operation,
        CancellationToken cancellationToken)
    {
        // One sequence across warm-up and window: operations use it for unique keys.
        StrongBox<int> sequence = new(0);
        await LoopAsync(workers, warmup, operation, sequence, null, cancellationToken);
        LatencyRecorder recorder = new();
        await LoopAsync(workers, window, operation, sequence, recorder, cancellationToken);
        return recorder.Summarise(window);
    }

    private static async Task LoopAsync(
        int workers,
        TimeSpan duration,
        Func<int, int, CancellationToken, Task<bool>> operation,
        StrongBox<int> sequence,
        LatencyRecorder? recorder,
        CancellationToken cancellationToken)
    {
        long until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(
            async () =>
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    long started = Stopwatch.GetTimestamp();
                    bool ok;
                    try
                    {
                        ok = await operation(worker, Interlocked.Increment(ref sequence.Value), cancellationToken);
                    }
                    catch (Exception exception) when (exception is HttpRequestException or IOException
                        or System.Data.Common.DbException or TaskCanceledException)
                    {
                        recorder?.Note(exception);
                        ok = false;
                    }

                    if (ok)
                    {
                        recorder?.Record(Stopwatch.GetElapsedTime(started));
                    }
                    else
                    {
                        recorder?.Fail();
                    }
                }
            },
            cancellationToken)));
    }
}
