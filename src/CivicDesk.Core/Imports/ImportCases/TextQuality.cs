namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>Checks for values that are present but doubtful.</summary>
internal static class TextQuality
{
    // The Windows-1252 characters at bytes 0x80–0x9F, in byte order; '\0' where the code page has none.
    private const string Cp1252High =
        "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

    /// <summary>
    /// True when the text holds UTF-8 that was read upstream as Latin-1 or Windows-1252, such as
    /// <c>â€™</c> or <c>â\u0080\u0099</c> for <c>’</c>, or <c>Â\u00A0</c> for a no-break space: a lead byte
    /// of a multi-byte UTF-8 sequence followed by the right number of continuation bytes.
    /// </summary>
    public static bool LooksMisdecoded(ReadOnlySpan<char> text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int found = text[start..].IndexOfAnyInRange('\u00C2', '\u00F4');
            if (found < 0)
            {
                return false;
            }

            int lead = start + found;
            if (FollowedByContinuations(text, lead))
            {
                return true;
            }

            start = lead + 1;
        }

        return false;
    }

    /// <summary>A ZIP code of one digit repeated (00000, 88888, 99999…), which sources use for "unknown".</summary>
    // Limitation: 44444 and 55555 are real ZIP codes (in Ohio and Minnesota); no jurisdiction seeded here
    // lies there. A per-mapping list of placeholder codes would lift this if one ever does.
    public static bool IsPlaceholderZip(ReadOnlySpan<char> zip)
    {
        ReadOnlySpan<char> five = zip.Length == 10 && zip[5] == '-' ? zip[..5] : zip;
        if (five.Length != 5 || !char.IsAsciiDigit(five[0]))
        {
            return false;
        }

        return !five.ContainsAnyExcept(five[0]);
    }

    private static bool FollowedByContinuations(ReadOnlySpan<char> text, int lead)
    {
        char first = text[lead];
        int needed = first switch
        {
            < '\u00E0' => 1,
            < '\u00F0' => 2,
            _ => 3,
        };
        if (lead + needed >= text.Length)
        {
            return false;
        }

        for (int i = 1; i <= needed; i++)
        {
            if (!IsContinuationByte(text[lead + i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsContinuationByte(char c)
    {
        if (c is >= '\u0080' and <= '\u00BF')
        {
            return true;
        }

        int index = Cp1252High.IndexOf(c, StringComparison.Ordinal);
        return c != '\0' && index >= 0 && index < 0x20;
    }
}
