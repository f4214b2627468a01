namespace CivicDesk.Core.Timers;

/// <summary>
/// What firing a timer of one kind does. The handler adds its effect (timeline events, audit entries) to
/// <see cref="TimerFiring.Db"/> and never saves: the dispatcher saves the effect and the fired mark together, in
/// the transaction that holds the timer's claim. Effects that leave the system (mail, SMS, webhooks) must not be
/// sent from here: they belong in an outbox written in that same transaction.
/// </summary>
public interface ITimerHandler
{
    /// <summary>The <see cref="DurableTimer.Kind"/> this handler fires.</summary>
    string Kind { get; }

    Task<TimerOutcome> FireAsync(TimerFiring firing, CancellationToken cancellationToken);
}
