using System.Net.Mail;
using CivicDesk.Core.Common;
using PhoneNumbers;

namespace CivicDesk.Core.Cases.SubmitRequest;

/// <summary>Checks the optional contact details and puts the phone number in E.164 form.</summary>
internal static class ContactValidator
{
    private const int MaxNameLength = 100;

    public static ResidentContact Validate(ResidentContact contact, string countryCode, List<FieldError> errors)
    {
        string? firstName = Clean(contact.FirstName);
        string? lastName = Clean(contact.LastName);
        string? email = Clean(contact.Email);
        string? phone = Clean(contact.Phone);
        CheckLength(firstName, "first_name", "First name", errors);
        CheckLength(lastName, "last_name", "Last name", errors);

        if (email is not null && !IsEmail(email))
        {
            errors.Add(new FieldError("email", "invalid", "The email address is not valid."));
        }

        string? e164 = null;
        if (phone is not null && !TryFormatE164(phone, countryCode, out e164))
        {
            errors.Add(new FieldError("phone", "invalid", "The phone number is not valid."));
        }

        return new ResidentContact(firstName, lastName, email, e164);
    }

    public static bool TryFormatE164(string phone, string countryCode, out string? e164)
    {
        e164 = null;
        PhoneNumberUtil util = PhoneNumberUtil.GetInstance();
        try
        {
            PhoneNumber parsed = util.Parse(phone, countryCode);
            if (!util.IsValidNumber(parsed))
            {
                return false;
            }

            e164 = util.Format(parsed, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static void CheckLength(string? value, string field, string label, List<FieldError> errors)
    {
        if (value?.Length > MaxNameLength)
        {
            errors.Add(new FieldError(field, "too_long", $"{label} may hold at most {MaxNameLength} characters."));
        }
    }

    private static bool IsEmail(string email) =>
        email.Length <= 254
        && MailAddress.TryCreate(email, out MailAddress? parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
