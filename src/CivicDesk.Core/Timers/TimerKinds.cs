namespace CivicDesk.Core.Timers;

/// <summary>
/// The kinds of timer CivicDesk knows today. The kind is a plain string so that a later feature adds one by
/// registering an <see cref="ITimerHandler"/>, without a migration.
/// </summary>
public static class TimerKinds
{
    public const string SlaWarning = "warning";

    public const string SlaBreach = "breach";

    public const string Escalation = "escalation";

    public const string Reminder = "reminder";
}
