using CivicDesk.Core.Notifications;

namespace CivicDesk.Core.Identity;

/// <summary>
/// The languages a member of staff may get notifications in: those CivicDesk writes messages in (the same as
/// residents', <see cref="ResidentLanguages"/>). A new user gets the default until the user chooses another.
/// </summary>
public static class StaffLanguages
{
    public const int MaxLength = 8;

    public const string Default = ResidentLanguages.Default;

    public const string Field = "language";

    public static IReadOnlyList<string> Supported => ResidentLanguages.Supported;

    public static bool IsSupported(string? language) =>
        language is not null && Supported.Contains(language, StringComparer.Ordinal);

    /// <summary>A language as given (trimmed, lower case), or null when none was given.</summary>
    public static string? Normalise(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();
}
