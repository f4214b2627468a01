using System.Globalization;
using NodaTime;

namespace CivicDesk.Core.Timers;

/// <summary>
/// Something that must happen once at an instant: an SLA warning or breach, an escalation, a reminder. A row
/// of the <c>timers</c> table, claimed and fired by <see cref="TimerDispatcher"/> in the same transaction that
/// writes its effect, so it fires exactly once.
/// </summary>
public sealed class DurableTimer
{
    private DurableTimer()
    {
        Kind = string.Empty;
        Clock = string.Empty;
        DedupeKey = string.Empty;
        State = TimerStates.Pending;
    }

    public DurableTimer(Guid id, string kind, Guid? caseId, string clock, Instant dueAt, string? payload, Instant now)
    {
        Id = id;
        Kind = kind;
        CaseId = caseId;
        Clock = clock;
        DueAt = dueAt;
        Payload = payload;
        CreatedAt = now;
        State = TimerStates.Pending;
        DedupeKey = KeyFor(caseId, clock, kind, dueAt);
    }

    public Guid Id { get; private set; }

    /// <summary>What firing does; one of <see cref="TimerKinds"/> or a kind a later feature adds.</summary>
    public string Kind { get; private set; }

    /// <summary>The case the timer is about; null for a system timer.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The SLA clock (or other schedule) that asked for the timer, such as <c>resolution</c>.</summary>
    public string Clock { get; private set; }

    public Instant DueAt { get; private set; }

    /// <summary>Non-personal facts the handler needs, as a JSON object.</summary>
    public string? Payload { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>One of <see cref="TimerStates"/>.</summary>
    public string State { get; private set; }

    /// <summary>Attempts to fire so far, the successful one included.</summary>
    public int Attempts { get; private set; }

    /// <summary>After a failed attempt, the instant before which no poller takes the timer again.</summary>
    public Instant? RetryAt { get; private set; }

    /// <summary>When it fired (or was found to have nothing left to do); null until then.</summary>
    public Instant? FiredAt { get; private set; }

    public Instant? CancelledAt { get; private set; }

    /// <summary>The type of the last failure (never its message, which could carry personal data).</summary>
    public string? LastError { get; private set; }

    /// <summary>Unique per case, clock, kind and due instant: scheduling the same timer twice adds nothing.</summary>
    public string DedupeKey { get; private set; }

    public static string KeyFor(Guid? caseId, string clock, string kind, Instant dueAt) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(caseId is Guid id ? id.ToString("N") : "system")}:{clock}:{kind}:{dueAt.ToUnixTimeTicks()}");

    /// <summary>
    /// A stored timer as a set-based SLA recompute reads it: its id, case, dedupe key and state, which are all that
    /// reconciling needs; the payload and the other columns are not read. Such a row is only compared, then deleted
    /// or made pending again by its id.
    /// </summary>
    internal static DurableTimer KeyAndState(Guid id, Guid? caseId, string dedupeKey, string state) =>
        new() { Id = id, CaseId = caseId, DedupeKey = dedupeKey, State = state };

    internal void MarkFired(Instant now)
    {
        State = TimerStates.Fired;
        FiredAt = now;
        Attempts++;
        RetryAt = null;
    }

    /// <summary>Fired, but its handler found nothing left to do (the case closed meanwhile).</summary>
    internal void MarkObsolete(Instant now)
    {
        State = TimerStates.Obsolete;
        FiredAt = now;
        Attempts++;
        RetryAt = null;
    }

    /// <summary>A cancelled timer asked for again (a pause that took no business time) is pending once more.</summary>
    internal void Revive()
    {
        State = TimerStates.Pending;
        CancelledAt = null;
    }
}
