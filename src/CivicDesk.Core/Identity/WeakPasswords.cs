namespace CivicDesk.Core.Identity;

/// <summary>
/// The password shapes guessing tools try first, as our own rules rather than a copied breach list (a
/// list's top entries are almost all shorter than the minimum length anyway): a short chunk repeated,
/// runs along the alphabet, the digits or a keyboard row, and passwords made only of the words that head
/// every published frequency list, with digits and symbols around them or standing in for letters.
/// Each check takes the password already folded to lower case.
/// </summary>
internal static class WeakPasswords
{
    /// <summary>Runs people type: counting, the alphabet, keyboard rows and columns; each is read both ways.</summary>
    private static readonly string[] Sequences =
    [
        "01234567890123456789",
        "abcdefghijklmnopqrstuvwxyzabc",
        "qwertyuiopasdfghjklzxcvbnm",
        "qwertzuiopasdfghjklyxcvbnm",
        "azertyuiopqsdfghjklmwxcvbn",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "!@#$%^&*()_+",
    ];

    /// <summary>
    /// Words that dominate what people choose as passwords, written for this check: the word "password"
    /// and its parts, greetings, placeholders, seasons, months, sports, and this product's own names.
    /// </summary>
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pass", "word", "welcome", "letmein", "qwerty", "iloveyou", "love", "admin",
        "administrator", "root", "user", "guest", "login", "logon", "changeme", "change", "secret", "master",
        "default", "test", "temp", "dragon", "monkey", "sunshine", "princess", "football", "baseball", "soccer",
        "hockey", "shadow", "superman", "batman", "trustno", "hello", "freedom", "whatever", "starwars",
        "summer", "winter", "spring", "autumn", "january", "february", "march", "april", "june", "july",
        "august", "september", "october", "november", "december", "computer", "internet", "access", "secure",
        "security", "civicdesk", "civic", "desk", "city", "newyork", "nyc", "losangeles", "service", "staff",
        "office", "work", "abc", "qwe", "asd", "zxc", "god", "angel",
    };

    /// <summary>True when the password is a chunk shorter than the minimum length, repeated.</summary>
    public static bool IsRepeated(string password, int minLength)
    {
        for (int period = 1; period < minLength && period <= password.Length / 2; period++)
        {
            bool repeats = true;
            for (int i = period; i < password.Length && repeats; i++)
            {
                repeats = password[i] == password[i - period];
            }

            if (repeats)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the whole password is made of runs of three or more along a sequence.</summary>
    public static bool IsSequential(string password) => Decomposes(password, minPart: 3, IsRun);

    /// <summary>
    /// True when the letters of the password, once digits and symbols standing in for letters are read as
    /// letters (<c>p@ssw0rd</c>) and the rest are dropped, are nothing but common password words.
    /// </summary>
    public static bool IsCommonWords(string password)
    {
        string letters = Letters(password);
        return letters.Length > 0 && Decomposes(letters, minPart: 3, part => Words.Contains(part));
    }

    private static bool IsRun(string part) =>
        part.All(c => c == part[0])
        || Sequences.Any(s => s.Contains(part, StringComparison.Ordinal)
            || s.Contains(new string([.. part.Reverse()]), StringComparison.Ordinal));

    /// <summary>Whether the text splits into parts of at least minPart characters that all pass.</summary>
    private static bool Decomposes(string text, int minPart, Func<string, bool> isPart)
    {
        bool[] reachable = new bool[text.Length + 1];
        reachable[0] = true;
        for (int end = minPart; end <= text.Length; end++)
        {
            for (int start = 0; start <= end - minPart && !reachable[end]; start++)
            {
                reachable[end] = reachable[start] && isPart(text[start..end]);
            }
        }

        return reachable[text.Length];
    }

    private static string Letters(string password)
    {
        System.Text.StringBuilder letters = new(password.Length);
        for (int i = 0; i < password.Length; i++)
        {
            char c = password[i];
            bool inWord = i > 0 && i < password.Length - 1
                && char.IsAsciiLetter(password[i - 1]) && char.IsAsciiLetter(password[i + 1]);
            char read = inWord ? LetterFor(c) : c;
            if (char.IsAsciiLetter(read))
            {
                letters.Append(read);
            }
        }

        return letters.ToString();
    }

    private static char LetterFor(char c) => c switch
    {
        '@' or '4' => 'a',
        '0' => 'o',
        '1' or '!' => 'i',
        '3' => 'e',
        '$' or '5' => 's',
        '7' or '+' => 't',
        _ => c,
    };
}
