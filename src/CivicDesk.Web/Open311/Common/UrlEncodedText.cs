using System.Text;
using System.Text.Unicode;

namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// Finds the fields of a query string or <c>application/x-www-form-urlencoded</c> body whose bytes, once
/// percent-decoded, are not UTF-8 or hold a NUL. The framework's decoder keeps a sequence that is not UTF-8 as
/// the literal text <c>%C3%28</c>, so the value would be stored mangled without a word, and it fails on an
/// encoded NUL without naming the field; both have to be caught in the raw text.
/// </summary>
internal static class UrlEncodedText
{
    /// <summary>The name of each such field, or null when the name itself is unreadable.</summary>
    public static IReadOnlyList<string?> UnreadableNames(ReadOnlySpan<byte> encoded)
    {
        List<string?> names = [];
        while (!encoded.IsEmpty)
        {
            int end = encoded.IndexOf((byte)'&');
            ReadOnlySpan<byte> pair = end < 0 ? encoded : encoded[..end];
            encoded = end < 0 ? [] : encoded[(end + 1)..];
            int equals = pair.IndexOf((byte)'=');
            byte[] name = Decode(equals < 0 ? pair : pair[..equals]);
            byte[] value = Decode(equals < 0 ? [] : pair[(equals + 1)..]);
            if (!IsText(name))
            {
                names.Add(null);
            }
            else if (!IsText(value))
            {
                names.Add(Encoding.UTF8.GetString(name));
            }
        }

        return names;
    }

    /// <summary>Percent-decodes the way forms are: <c>+</c> is a space; a <c>%</c> not followed by two hex
    /// digits stays as it is.</summary>
    private static byte[] Decode(ReadOnlySpan<byte> text)
    {
        byte[] bytes = new byte[text.Length];
        int length = 0;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (b == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes[length++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 2;
            }
            else
            {
                bytes[length++] = b == '+' ? (byte)' ' : b;
            }
        }

        return bytes[..length];
    }

    private static bool IsText(byte[] bytes) => Utf8.IsValid(bytes) && !bytes.Contains((byte)0);

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
