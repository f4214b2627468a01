using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// The content hash of a case type: SHA-256 (lower-case hex) of its canonical form, the loaded model written as
/// compact JSON. The form is taken from the meaning, not the text: comments, spacing, quoting, YAML flow or block
/// style, the order of keys in a mapping, and a single value written as a one-item list all give the same form.
/// Lists keep their written order (states and transitions are shown in that order); per-service overrides are
/// sorted by service code; enums are written by name; a rule file is represented by its rule set's id, version
/// and content hash, so editing the routing rules changes the hash of every case type using them.
/// </summary>
public static class CaseTypeHash
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Compute(CaseType caseType)
    {
        ArgumentNullException.ThrowIfNull(caseType);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(caseType, Canonical);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    /// <summary>The canonical text itself, for inspection and for the documentation's example.</summary>
    public static string CanonicalText(CaseType caseType) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(caseType, Canonical));
}
