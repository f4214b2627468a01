namespace CivicDesk.Core.Timers;

/// <summary>Where a timer stands; stored as these lower-case words.</summary>
public static class TimerStates
{
    /// <summary>Waiting for its due instant, or for a retry after a failed attempt.</summary>
    public const string Pending = "pending";

    /// <summary>Fired once; its effect was written in the same transaction.</summary>
    public const string Fired = "fired";

    /// <summary>Taken when due, but its handler found nothing left to do; it will not fire.</summary>
    public const string Obsolete = "obsolete";

    /// <summary>Superseded before it was due: its clock stopped or its due instant moved.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Given up after <see cref="TimerOptions.MaxAttempts"/> failed attempts; needs an operator.</summary>
    public const string Failed = "failed";
}
