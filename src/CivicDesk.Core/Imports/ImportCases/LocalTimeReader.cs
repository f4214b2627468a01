using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>Reads a source's local date and time text as a UTC instant through the jurisdiction's time zone.</summary>
internal sealed class LocalTimeReader(string format, DateTimeZone zone)
{
    private readonly LocalDateTimePattern _pattern = LocalDateTimePattern.CreateWithInvariantCulture(format);

    /// <summary>
    /// A local time that occurs twice (clocks go back) is read as its earlier occurrence; one that never occurs
    /// (clocks go forward) is moved forward by the length of the gap. Either way <paramref name="ambiguous"/>
    /// is set, so the record can be flagged for review.
    /// </summary>
    public bool TryRead(string text, out Instant instant, out bool ambiguous)
    {
        ParseResult<LocalDateTime> parsed = _pattern.Parse(text);
        if (!parsed.Success)
        {
            instant = default;
            ambiguous = false;
            return false;
        }

        ZoneLocalMapping mapping = zone.MapLocal(parsed.Value);
        ambiguous = mapping.Count != 1;
        instant = Resolvers.LenientResolver(mapping).ToInstant();
        return true;
    }
}
