using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CivicDesk.Web.StaffApi;

/// <summary>What an <c>If-Match</c> header asks for, as far as this API is concerned.</summary>
internal enum IfMatchKind
{
    /// <summary>No header: the change cannot be checked (428).</summary>
    Missing,

    /// <summary>Not an entity tag this API could have sent, such as <c>abc</c> or <c>"x"</c> (400).</summary>
    Malformed,

    /// <summary>
    /// Entity tags that can never match under the strong comparison If-Match requires: a weak tag
    /// (<c>W/"3"</c>), several tags, or <c>*</c>. Answered like a stale version (412).
    /// </summary>
    NeverMatches,

    /// <summary>Exactly one strong tag naming a version, such as <c>"3"</c>.</summary>
    Version,
}

/// <summary>
/// Reads the case version a client names in <c>If-Match</c>. ETags are the version in quotes, always strong,
/// and a change must name exactly the one it read: the comparison is the strong one RFC 9110 prescribes.
/// </summary>
internal static partial class IfMatch
{
    /// <summary>No case has version 0, so a change expecting it is refused with the current values.</summary>
    public const int NoVersion = 0;

    public static string ETagFor(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static (IfMatchKind Kind, int Version) Read(HttpRequest request)
    {
        StringValues values = request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(values) || values.All(string.IsNullOrWhiteSpace))
        {
            return (IfMatchKind.Missing, NoVersion);
        }

        if (values.Count == 1 && StrongVersionTag().Match(values[0]!) is { Success: true } match
            && int.TryParse(
                match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int version))
        {
            return (IfMatchKind.Version, version);
        }

        bool entityTags = EntityTagHeaderValue.TryParseStrictList(values, out IList<EntityTagHeaderValue>? tags)
            && tags.Count > 0;
        return entityTags && (tags!.Count > 1 || tags.Any(t => t.IsWeak || t.Equals(EntityTagHeaderValue.Any)))
            ? (IfMatchKind.NeverMatches, NoVersion)
            : (IfMatchKind.Malformed, NoVersion);
    }

    [GeneratedRegex("""^\s*"([1-9][0-9]{0,9})"\s*$""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex StrongVersionTag();
}
