using System.Globalization;

namespace CivicDesk.Bench.Intake;

/// <summary>
/// Processor time the whole machine spent busy (every process: the web host, the load, the database server),
/// from Linux's <c>/proc/stat</c>; zero where that file does not exist.
/// </summary>
internal static class MachineCpu
{
    private const double TicksPerSecond = 100;

    public static TimeSpan Busy()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path))
        {
            return TimeSpan.Zero;
        }

        // "cpu  user nice system idle iowait irq softirq steal ...": all but idle and iowait are busy time.
        string[] fields = File.ReadLines(path).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long busy = 0;
        for (int i = 1; i < Math.Min(fields.Length, 9); i++)
        {
            if (i is not (4 or 5))
            {
                busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
            }
        }

        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }
}
