namespace CivicDesk.Core.Notifications;

/// <summary>
/// The languages residents are written to in: those the portal speaks. A case keeps the one its request came in
/// (<see cref="Cases.Case.Language"/>); its notifications are rendered in it.
/// </summary>
public static class ResidentLanguages
{
    /// <summary>Used when a request names no language, or one we do not write in.</summary>
    public const string Default = "en";

    public const string Spanish = "es";

    public static IReadOnlyList<string> Supported { get; } = [Default, Spanish];

    /// <summary>
    /// The supported language a culture or language tag names (<c>es</c>, <c>es-US</c>, <c>ES</c>), else
    /// <see cref="Default"/>.
    /// </summary>
    public static string Choose(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return Default;
        }

        string primary = tag.Trim().Split('-', '_')[0];
        return Supported.FirstOrDefault(l => string.Equals(l, primary, StringComparison.OrdinalIgnoreCase))
            ?? Default;
    }
}
