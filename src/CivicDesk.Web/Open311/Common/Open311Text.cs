using System.Text;
using System.Xml;

namespace CivicDesk.Web.Open311.Common;

/// <summary>Makes any stored text safe to write in XML 1.0 and JSON alike, the same way for both.</summary>
internal static class Open311Text
{
    /// <summary>
    /// Replaces characters XML 1.0 cannot carry (most control characters, unpaired surrogates) with U+FFFD.
    /// Imported records sometimes hold them; the same replacement is applied to JSON so both formats agree.
    /// </summary>
    public static string Clean(string value)
    {
        int bad = FirstInvalid(value);
        if (bad < 0)
        {
            return value;
        }

        StringBuilder clean = new(value.Length);
        clean.Append(value, 0, bad);
        for (int i = bad; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(c).Append(value[++i]);
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return clean.ToString();
    }

    /// <summary>Cuts text a caller sent before it is echoed in an error description.</summary>
    public static string Echo(string value, int max = 80) =>
        Clean(value.Length <= max ? value : string.Concat(value.AsSpan(0, max), "…"));

    private static int FirstInvalid(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                return i;
            }
        }

        return -1;
    }
}
