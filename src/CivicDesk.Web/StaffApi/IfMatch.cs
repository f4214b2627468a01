using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CivicDesk.Web.StaffApi;

/// <summary>Reads the case version a client names in <c>If-Match</c>; ETags are the version in quotes.</summary>
internal static class IfMatch
{
    public static string ETagFor(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Null when the header is missing; <c>Valid = false</c> when it names no version.</summary>
    public static (bool Present, int? Version) Read(HttpRequest request)
    {
        string? header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return (false, null);
        }

        if (!EntityTagHeaderValue.TryParseList([header], out IList<EntityTagHeaderValue>? tags) || tags.Count != 1)
        {
            return (true, null);
        }

        string tag = tags[0].Tag.Value?.Trim('"') ?? string.Empty;
        return int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out int version) && version > 0
            ? (true, version)
            : (true, null);
    }
}
