using System.Xml;

namespace CivicDesk.Core.Common;

/// <summary>
/// Which characters CivicDesk takes in text it is sent. Bytes that are not UTF-8 reach the application as
/// U+FFFD, the decoder's replacement character, so that character is refused: storing it would keep, without
/// a word, text nobody typed. NUL and the other control characters (tab, line feed and carriage return aside)
/// are refused too: nobody types them, PostgreSQL cannot store NUL, and XML (Open311) cannot carry them.
/// </summary>
public static class TextCharacters
{
    public const string ErrorCode = "invalid_text";

    public const string ErrorMessage =
        "Holds characters that are not allowed: bytes that are not UTF-8, or a NUL or other control character.";

    public static bool AreAcceptable(string? value)
    {
        if (value is null)
        {
            return true;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (c == '\uFFFD' || !XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The error for <paramref name="field"/> when its value holds a character that is not taken.</summary>
    public static FieldError? Check(string field, string? value) =>
        AreAcceptable(value) ? null : new FieldError(field, ErrorCode, ErrorMessage);
}
