namespace CivicDesk.Core.Timers;

/// <summary>What a handler made of a due timer.</summary>
public enum TimerOutcome
{
    /// <summary>The effect was added; the timer is marked fired.</summary>
    Fired,

    /// <summary>Nothing is left to do (the case was closed meanwhile); the timer is marked obsolete.</summary>
    Obsolete,
}
