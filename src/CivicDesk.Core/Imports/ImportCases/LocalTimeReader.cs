using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>Reads a source's local date and time text as a UTC instant through the jurisdiction's time zone.</summary>
internal sealed class LocalTimeReader(string format, DateTimeZone zone)
{
    /// <summary>The layout of the NYC and LA 311 exports, read by hand because imports read millions.</summary>
    private const string UsTwelveHour = "MM/dd/yyyy hh:mm:ss tt";

    private readonly LocalDateTimePattern _pattern = LocalDateTimePattern.CreateWithInvariantCulture(format);
    private readonly bool _usTwelveHour = format == UsTwelveHour;

    /// <summary>
    /// A local time that occurs twice (clocks go back) is read as its earlier occurrence; one that never occurs
    /// (clocks go forward) is moved forward by the length of the gap. Either way <paramref name="ambiguous"/>
    /// is set, so the record can be flagged for review.
    /// </summary>
    public bool TryRead(ReadOnlySpan<char> text, out Instant instant, out bool ambiguous)
    {
        (instant, ambiguous) = (default, false);
        LocalDateTime local;
        if (_usTwelveHour)
        {
            if (!TryReadUsTwelveHour(text, out local))
            {
                return false;
            }
        }
        else
        {
            ParseResult<LocalDateTime> parsed = _pattern.Parse(text.ToString());
            if (!parsed.Success)
            {
                return false;
            }

            local = parsed.Value;
        }

        ZoneLocalMapping mapping = zone.MapLocal(local);
        ambiguous = mapping.Count != 1;
        instant = Resolvers.LenientResolver(mapping).ToInstant();
        return true;
    }

    private static bool TryReadUsTwelveHour(ReadOnlySpan<char> text, out LocalDateTime local)
    {
        local = default;
        if (text.Length != UsTwelveHour.Length || text[2] != '/' || text[5] != '/' || text[10] != ' '
            || text[13] != ':' || text[16] != ':' || text[19] != ' ' || text[21] != 'M')
        {
            return false;
        }

        bool read = TryNumber(text[..2], out int month) & TryNumber(text[3..5], out int day)
            & TryNumber(text[6..10], out int year) & TryNumber(text[11..13], out int hour)
            & TryNumber(text[14..16], out int minute) & TryNumber(text[17..19], out int second);
        bool morning = text[20] == 'A';
        if (!read || (!morning && text[20] != 'P') || month is < 1 or > 12 || year < 1 || hour is < 1 or > 12
            || minute > 59 || second > 59 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        int hour24 = (hour % 12) + (morning ? 0 : 12);
        local = new LocalDateTime(year, month, day, hour24, minute, second);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
