using CivicDesk.Core.Common;

namespace CivicDesk.Core.Identity;

/// <summary>
/// The rules for user names, shared by every way of creating them, and the length limits of names and
/// passwords. What a password must be is <see cref="PasswordPolicy"/>.
/// </summary>
public static class StaffNames
{
    public const int MaxPasswordLength = 200;
    public const int MaxUserNameLength = 100;
    public const int MaxDisplayNameLength = 200;

    /// <summary>Lower-case ASCII letters, digits, '.', '-' and '_', starting with a letter, 2 to 100 long.</summary>
    public static FieldError? CheckUserName(string userName, string field)
    {
        if (userName.Length < 2 || userName.Length > MaxUserNameLength)
        {
            return new FieldError(field, "length", $"A user name has 2 to {MaxUserNameLength} characters.");
        }

        bool valid = char.IsAsciiLetterLower(userName[0])
            && userName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_');
        return valid
            ? null
            : new FieldError(
                field,
                "invalid",
                "A user name starts with a letter and holds only lower-case letters, digits, '.', '-' and '_'.");
    }

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();
}
