using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicDesk.Core.Cases.GetCase;

/// <summary>
/// The facts an <see cref="CaseEventKind.Escalated"/> event keeps in its data (written by the SLA escalations):
/// which escalation ran, on which clock and trigger, the queue it moved the case to (if any, and whether the
/// department had it), whether the assignee was cleared and how many messages it put in the outbox. Pages word
/// them in the reader's language.
/// </summary>
public sealed record EscalationRecord(
    string Escalation,
    string Clock,
    bool OnBreach,
    string? ReassignTo,
    bool? Reassigned,
    bool AssigneeCleared,
    int Notifications)
{
    /// <summary>The record in an event's data, or null when the data is missing or not an escalation's.</summary>
    public static EscalationRecord? Read(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        Stored? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Stored>(data);
        }
        catch (JsonException)
        {
            return null;
        }

        return stored is { Escalation: not null, Clock: not null }
            ? new EscalationRecord(
                stored.Escalation, stored.Clock, stored.On == "breach", stored.ReassignTo, stored.Reassigned,
                stored.AssigneeCleared, stored.Notifications)
            : null;
    }

    private sealed record Stored(
        [property: JsonPropertyName("escalation")] string? Escalation,
        [property: JsonPropertyName("clock")] string? Clock,
        [property: JsonPropertyName("on")] string? On,
        [property: JsonPropertyName("reassign_to")] string? ReassignTo,
        [property: JsonPropertyName("reassigned")] bool? Reassigned,
        [property: JsonPropertyName("assignee_cleared")] bool AssigneeCleared,
        [property: JsonPropertyName("notifications")] int Notifications);
}
