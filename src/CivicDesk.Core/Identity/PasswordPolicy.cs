using CivicDesk.Core.Common;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Identity;

/// <summary>
/// What a staff password chosen by a person must be, wherever it is chosen (<c>users add</c>, the
/// change-password page, which is also the first administrator's first step): at least
/// <see cref="IdentityOptions.MinPasswordLength"/> characters and at most
/// <see cref="StaffNames.MaxPasswordLength"/>, without the user name, and not one of the shapes guessing
/// tools try first (see <see cref="WeakPasswords"/>). Passwords the system generates are random and need
/// none of this.
/// </summary>
public sealed class PasswordPolicy(IOptions<IdentityOptions> options)
{
    public int MinLength => options.Value.MinPasswordLength;

    public FieldError? Check(string? password, string field, string? userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return new FieldError(field, "too_short", $"A password has at least {MinLength} characters.");
        }

        if (password.Length > StaffNames.MaxPasswordLength)
        {
            return new FieldError(
                field, "too_long", $"A password has at most {StaffNames.MaxPasswordLength} characters.");
        }

        string folded = password.ToLowerInvariant();
        if (userName is { Length: >= 3 } && folded.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return new FieldError(field, "contains_user_name", "A password may not contain the user name.");
        }

        if (WeakPasswords.IsRepeated(folded, MinLength) || WeakPasswords.IsSequential(folded))
        {
            return new FieldError(
                field,
                "predictable",
                "A password may not be a repeated or sequential run of characters, such as 123456789012.");
        }

        return WeakPasswords.IsCommonWords(folded)
            ? new FieldError(
                field,
                "common",
                "A password may not be made of common password words such as password or welcome, "
                    + "even with digits or symbols added.")
            : null;
    }
}
