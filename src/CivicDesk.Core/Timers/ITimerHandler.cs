using CivicDesk.Core.Data;
using NodaTime;

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

/// <summary>A claimed timer being fired: the context of its transaction and the moment of firing.</summary>
public sealed record TimerFiring(CivicDeskDbContext Db, DurableTimer Timer, Instant Now, TimeProvider Time);

public enum TimerOutcome
{
    /// <summary>The effect was added; the timer is marked fired.</summary>
    Fired,

    /// <summary>Nothing is left to do (the case was closed meanwhile); the timer is marked obsolete.</summary>
    Obsolete,
}
