using System.Net.Mail;

namespace CivicDesk.Core.Identity;

/// <summary>The optional work address a staff user receives case notifications at.</summary>
public static class StaffEmails
{
    public const int MaxLength = 254;

    /// <summary>Null for a blank value; otherwise the trimmed address.</summary>
    public static string? Normalize(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();

    /// <summary>True for one plain address (<c>name@agency.gov</c>), with no display name or list.</summary>
    public static bool IsValid(string email) =>
        email.Length <= MaxLength
        && MailAddress.TryCreate(email, out MailAddress? parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.', StringComparison.Ordinal);
}
