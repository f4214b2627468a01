using System.Collections.Concurrent;

namespace CivicDesk.Bench.Intake;

/// <summary>Collects one latency per completed operation and the count of failed ones, from many workers.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _milliseconds = [];
    private int _failures;
    private string? _firstFailure;

    public void Record(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public void Fail() => Interlocked.Increment(ref _failures);

    /// <summary>Keeps the first failure's type and message, so a run that fails says why.</summary>
    public void Note(Exception exception) =>
        Interlocked.CompareExchange(ref _firstFailure, $"{exception.GetType().Name}: {exception.Message}", null);

    public string? FirstFailure => _firstFailure;

    public LoadResult Summarise(TimeSpan window)
    {
        double[] sorted = [.. _milliseconds.Order()];
        return new LoadResult(
            sorted.Length,
            _failures,
            _firstFailure,
            sorted.Length / window.TotalSeconds,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))];
}

/// <summary>What one measured window achieved.</summary>
internal sealed record LoadResult(
    int Completed,
    int Failed,
    string? FirstFailure,
    double PerSecond,
    double P50Ms,
    double P99Ms);
