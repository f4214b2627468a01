using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Core.Sla;

/// <summary>
/// The facts an <see cref="Cases.CaseEventKind.SlaDeadlineMoved"/> event keeps in its data: which clock's deadline
/// moved, from when to when, and which calendar version moved it. Pages word them in the reader's language and
/// time zone; <paramref name="CalendarZone"/> is the zone the clock counted in, for readers that want it.
/// </summary>
public sealed record DeadlineMovedRecord(
    string Clock,
    Instant From,
    Instant To,
    string Calendar,
    int Version,
    string CalendarZone)
{
    /// <summary>The record as an event's data: instants in ISO 8601 UTC.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Stored(
        Clock, InstantPattern.ExtendedIso.Format(From), InstantPattern.ExtendedIso.Format(To), Calendar, Version,
        CalendarZone));

    /// <summary>
    /// The record in an event's data, or null when the event has none: events written before the facts were
    /// kept carry only an English sentence in their text, which pages show as it is.
    /// </summary>
    public static DeadlineMovedRecord? Read(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        Stored? stored = JsonSerializer.Deserialize<Stored>(data);
        if (stored is not { Clock: not null, Calendar: not null, From: not null, To: not null }
            || !InstantPattern.ExtendedIso.Parse(stored.From).TryGetValue(default, out Instant from)
            || !InstantPattern.ExtendedIso.Parse(stored.To).TryGetValue(default, out Instant to))
        {
            return null;
        }

        return new DeadlineMovedRecord(stored.Clock, from, to, stored.Calendar, stored.Version, stored.Zone ?? "UTC");
    }

    private sealed record Stored(
        [property: JsonPropertyName("clock")] string? Clock,
        [property: JsonPropertyName("from")] string? From,
        [property: JsonPropertyName("to")] string? To,
        [property: JsonPropertyName("calendar")] string? Calendar,
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("zone")] string? Zone);
}
