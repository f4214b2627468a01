using System.ComponentModel.DataAnnotations;

namespace CivicDesk.Core.Timers;

/// <summary>How the timer poller runs. Bound to the <c>Timers</c> configuration section.</summary>
public sealed class TimerOptions
{
    public const string SectionName = "Timers";

    /// <summary>False stops this process from firing timers (another node fires them); scheduling goes on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the poller rests when it found fewer due timers than <see cref="BatchSize"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>At most this many timers fire per round, each in its own transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Failed attempts after which a timer is marked failed instead of being tried again.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
