using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Catalog.GetCatalog;

/// <summary>The catalogue translations of one jurisdiction in one language, with the source text as fallback.</summary>
internal sealed class Translations(Dictionary<string, string> texts)
{
    public static async Task<Translations> LoadAsync(
        CivicDeskDbContext db,
        Guid jurisdictionId,
        string culture,
        CancellationToken cancellationToken,
        IReadOnlyCollection<string>? keys = null)
    {
        string language = LanguageOf(culture);
        IQueryable<LocalizedText> rows = db.LocalizedTexts.AsNoTracking()
            .Where(t => t.JurisdictionId == jurisdictionId && t.Culture == language);
        if (keys is not null)
        {
            rows = rows.Where(t => keys.Contains(t.Key));
        }

        Dictionary<string, string> texts = await rows
            .ToDictionaryAsync(t => t.Key, t => t.Text, StringComparer.Ordinal, cancellationToken);
        return new Translations(texts);
    }

    /// <summary>Whether the language has its own text for <paramref name="key"/>.</summary>
    public bool Has(string key) => texts.TryGetValue(key, out string? text) && !string.IsNullOrWhiteSpace(text);

    public string Get(string key, string source) =>
        texts.TryGetValue(key, out string? text) && !string.IsNullOrWhiteSpace(text) ? text : source;

    /// <summary>
    /// Translations are stored by language (<c>es</c>), so a regional culture (<c>es-MX</c>) uses its
    /// language's.
    /// </summary>
    public static string LanguageOf(string culture)
    {
        int dash = culture.IndexOf('-', StringComparison.Ordinal);
        return (dash > 0 ? culture[..dash] : culture).ToLowerInvariant();
    }
}
