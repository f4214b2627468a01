using System.Diagnostics;
using System.Globalization;

namespace CivicDesk.Bench.Import;

/// <summary>
/// Runs a command as a child process and measures its wall time and its peak resident memory, read from
/// <c>VmHWM</c> in <c>/proc/PID/status</c>. The high-water mark only grows, so sampling it every 20 ms until the
/// process ends misses at most what the last 20 ms added. Its processor time (user and system, from
/// <c>/proc/PID/stat</c>) is sampled the same way.
/// </summary>
internal static class MeasuredProcess
{
    private const double ClockTicksPerSecond = 100;

    public sealed record Measure(
        int ExitCode,
        TimeSpan Elapsed,
        long PeakBytes,
        TimeSpan Processor,
        string Output,
        string Error);

    public static async Task<Measure> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken)
    {
        ProcessStartInfo start = new(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Stopwatch clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)
            ?? throw new InvalidOperationException($"{fileName} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        string status = $"/proc/{process.Id}/status";
        long peak = 0;
        TimeSpan processor = TimeSpan.Zero;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(status));
            TimeSpan sampled = ReadProcessorTime($"/proc/{process.Id}/stat");
            processor = sampled > processor ? sampled : processor;
            await Task.Delay(20, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        TimeSpan elapsed = clock.Elapsed;
        return new Measure(process.ExitCode, elapsed, peak, processor, await output, await error);
    }

    /// <summary>User plus system time from <c>/proc/PID/stat</c> (fields 14 and 15, in clock ticks).</summary>
    private static TimeSpan ReadProcessorTime(string statPath)
    {
        try
        {
            string stat = File.ReadAllText(statPath);
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture)
                + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Bytes of <c>VmHWM</c>; 0 when the process has already gone.</summary>
    public static long ReadHighWaterMark(string statusPath)
    {
        try
        {
            foreach (string line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    string kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }

        return 0;
    }
}
