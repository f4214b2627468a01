using System.Text.Json;

namespace CivicDesk.Core.Cases.Routing;

/// <summary>The property names of a stored routing decision.</summary>
internal static class DecisionJson
{
    internal const string RuleSetId = "rule_set_id";
    internal const string RuleSetVersion = "rule_set_version";
    internal const string ContentHash = "content_hash";
    internal const string AsOf = "as_of";
    internal const string Inputs = "inputs";
    internal const string InputsHash = "inputs_hash";
    internal const string Outputs = "outputs";
    internal const string Trace = "trace";
    internal const string Applied = "applied";
    internal const string Department = "department";
    internal const string Queue = "queue";
    internal const string Priority = "priority";
    internal const string Fallbacks = "fallbacks";
    internal const string Triage = "triage";
    internal const string Used = "used";
}

/// <summary>
/// A stored routing decision read back from a <see cref="CaseEventKind.Routed"/> event's data, for the staff
/// timeline: the rule set, what was applied, which outputs fell back, and the table rows that fired.
/// </summary>
public sealed record RoutingDecisionView(
    string RuleSetId,
    string RuleSetVersion,
    string ContentHash,
    string AsOf,
    string? Department,
    string? Queue,
    int? Priority,
    IReadOnlyList<string> Fallbacks,
    IReadOnlyList<FiredRow> FiredRows,
    string InputsJson)
{
    /// <summary>Reads the data of a Routed event; null when it is missing or not a decision.</summary>
    public static RoutingDecisionView? Read(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(data);
            JsonElement root = document.RootElement;
            JsonElement applied = root.GetProperty(DecisionJson.Applied);
            List<FiredRow> fired = [];
            AddFired(root, fired);
            if (root.TryGetProperty(DecisionJson.Triage, out JsonElement triage))
            {
                AddFired(triage, fired);
            }

            return new RoutingDecisionView(
                root.GetProperty(DecisionJson.RuleSetId).GetString()!,
                root.GetProperty(DecisionJson.RuleSetVersion).GetString()!,
                root.GetProperty(DecisionJson.ContentHash).GetString()!,
                root.GetProperty(DecisionJson.AsOf).GetString()!,
                applied.GetProperty(DecisionJson.Department).GetString(),
                applied.GetProperty(DecisionJson.Queue).GetString(),
                applied.GetProperty(DecisionJson.Priority).ValueKind == JsonValueKind.Number
                    ? applied.GetProperty(DecisionJson.Priority).GetInt32()
                    : null,
                [.. root.GetProperty(DecisionJson.Fallbacks).EnumerateArray().Select(f => f.GetString()!)],
                fired,
                root.GetProperty(DecisionJson.Inputs).GetRawText());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException
            or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The rows that fired in one rule set's record. When the decision used two rule sets, each names the outputs
    /// applied from it (<c>used</c>); the tables of its other outputs were evaluated but not applied, so are left
    /// out (the stored trace keeps them).
    /// </summary>
    private static void AddFired(JsonElement record, List<FiredRow> fired)
    {
        HashSet<string> skipped = new(StringComparer.Ordinal);
        if (record.TryGetProperty(DecisionJson.Used, out JsonElement used))
        {
            HashSet<string> applied = [.. used.EnumerateArray().Select(u => u.GetString()!)];
            foreach (JsonProperty output in record.GetProperty(DecisionJson.Outputs).EnumerateObject())
            {
                if (!applied.Contains(output.Name))
                {
                    skipped.Add(output.Name);
                }
            }
        }

        foreach (JsonElement entry in record.GetProperty(DecisionJson.Trace).EnumerateArray())
        {
            string name = entry.GetProperty("name").GetString()!;
            if (entry.TryGetProperty("row", out JsonElement row)
                && entry.GetProperty("status").GetString() == "True"
                && !skipped.Contains(name))
            {
                fired.Add(new FiredRow(name, row.GetString()!));
            }
        }
    }
}

/// <summary>A decision-table row that matched: the table's name and the row's id.</summary>
public sealed record FiredRow(string Table, string Row);

/// <summary>The before and after of a <see cref="CaseEventKind.RoutingOverridden"/> event.</summary>
public sealed record RoutingOverrideView(RoutingPlacement From, RoutingPlacement To, bool AssigneeCleared)
{
    public static string Write(RoutingPlacement from, RoutingPlacement to, bool assigneeCleared) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["from"] = Placement(from),
            ["to"] = Placement(to),
            ["assignee_cleared"] = assigneeCleared,
        });

    public static RoutingOverrideView? Read(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(data);
            JsonElement root = document.RootElement;
            return new RoutingOverrideView(
                ReadPlacement(root.GetProperty("from")),
                ReadPlacement(root.GetProperty("to")),
                root.GetProperty("assignee_cleared").GetBoolean());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException
            or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static Dictionary<string, object?> Placement(RoutingPlacement placement) => new()
    {
        ["department"] = placement.Department,
        ["queue"] = placement.Queue,
        ["priority"] = placement.Priority,
    };

    private static RoutingPlacement ReadPlacement(JsonElement element) => new(
        element.GetProperty("department").GetString() ?? string.Empty,
        element.GetProperty("queue").GetString() ?? string.Empty,
        element.GetProperty("priority").ValueKind == JsonValueKind.Number
            ? element.GetProperty("priority").GetInt32()
            : null);
}

/// <summary>A department code, a queue code and a priority.</summary>
public sealed record RoutingPlacement(string Department, string Queue, int? Priority);
