using System.Text;
using System.Text.Json;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Records;

/// <summary>
/// Canonical JSON for records: object keys in ordinal order, no whitespace, decimals as strings (exact, with
/// their scale), dates ISO, unknown values as {"unknown": [needed inputs]}. Inputs are written as given: a
/// missing record field is left out and a missing list item is null, so that reading them back restores them.
/// </summary>
internal static class CanonicalJson
{
    public static string Object(IEnumerable<(string Name, Value Value)> members, bool asInputs = false) =>
        Write(writer => WriteObject(writer, members, asInputs));

    private static void WriteObject(Utf8JsonWriter writer, IEnumerable<(string Name, Value Value)> members,
        bool asInputs)
    {
        writer.WriteStartObject();
        foreach ((string name, Value value) in members.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if (asInputs && value is UnknownValue)
            {
                continue;
            }

            writer.WritePropertyName(name);
            WriteValue(writer, value, asInputs);
        }

        writer.WriteEndObject();
    }

    public static string Trace(Trace trace) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (TraceEntry entry in trace.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("name", entry.Name);
            if (entry.Row is not null)
            {
                writer.WriteString("row", entry.Row);
            }

            writer.WriteString("status", entry.Status.ToString());
            if (entry.Value is not null)
            {
                writer.WritePropertyName("value");
                WriteValue(writer, entry.Value, asInputs: false);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, Value value, bool asInputs)
    {
        switch (value)
        {
            case BooleanValue b:
                writer.WriteBooleanValue(b.Value);
                break;
            case IntegerValue i:
                writer.WriteNumberValue(i.Value);
                break;
            case TextValue t:
                writer.WriteStringValue(t.Value);
                break;
            case ListValue list:
                writer.WriteStartArray();
                foreach (Value item in list.Items)
                {
                    WriteValue(writer, item, asInputs);
                }

                writer.WriteEndArray();
                break;
            case RecordValue record:
                WriteObject(writer, record.Names.Select((n, i) => (n, record.Fields[i])), asInputs);
                break;
            case UnknownValue when asInputs:
                writer.WriteNullValue();
                break;
            case UnknownValue unknown:
                writer.WriteStartObject();
                writer.WriteStartArray("unknown");
                foreach (string need in unknown.Needs)
                {
                    writer.WriteStringValue(need);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(value.Canonical);
                break;
        }
    }

    /// <summary>Reads canonical JSON back into plain data (text scalars, lists, maps) for the input reader.</summary>
    public static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => (object)p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
