using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicDesk.Core.Cases.ChangeCaseStatus;

/// <summary>
/// What a status change of a pinned case keeps in its timeline event's data: the transition taken and the field
/// values given with it.
/// </summary>
public sealed record TransitionRecord(
    [property: JsonPropertyName("transition")] string Transition,
    [property: JsonPropertyName("fields")] IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The record in an event's data, or null when the event has none (an unpinned case's change).</summary>
    public static TransitionRecord? Read(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        TransitionRecord? read = JsonSerializer.Deserialize<TransitionRecord>(data);
        return read is { Transition: not null } ? read with { Fields = read.Fields ?? new Dictionary<string, string>() }
            : null;
    }
}
