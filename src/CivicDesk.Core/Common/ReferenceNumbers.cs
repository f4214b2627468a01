using System.Security.Cryptography;

namespace CivicDesk.Core.Common;

/// <summary>
/// Reference numbers residents read aloud on the phone: eight characters from Crockford's base 32
/// (no I, L, O or U) in two groups, such as <c>7KQM-2D9X</c>. They are random, so one reveals nothing
/// about another, and they never collide with the numeric keys of imported records.
/// </summary>
public static class ReferenceNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        Span<char> text = stackalloc char[9];
        int written = 0;
        for (int i = 0; i < 8; i++)
        {
            if (i == 4)
            {
                text[written++] = '-';
            }

            text[written++] = Alphabet[bytes[i] & 31];
        }

        return new string(text);
    }

    /// <summary>Reads what a person typed, forgiving case, spaces and letters mistaken for digits.</summary>
    public static string Normalize(string typed)
    {
        string compact = new(typed.Trim().ToUpperInvariant().Where(c => !char.IsWhiteSpace(c)).ToArray());
        bool readable = compact.All(c => Alphabet.Contains(c, StringComparison.Ordinal) || c is 'O' or 'I' or 'L');
        if (compact.Length == 8 && readable)
        {
            compact = compact[..4] + "-" + compact[4..];
        }

        if (compact.Length == 9 && compact[4] == '-')
        {
            return compact.Replace('O', '0').Replace('I', '1').Replace('L', '1');
        }

        return compact;
    }
}
