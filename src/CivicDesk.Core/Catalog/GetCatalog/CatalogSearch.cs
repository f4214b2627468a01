using System.Globalization;
using System.Text;

namespace CivicDesk.Core.Catalog.GetCatalog;

/// <summary>
/// Finds services by what a resident types, in the language the catalogue was read in. Case and accents
/// are ignored ("calefaccion" finds "Calefacción"); every word typed must appear somewhere in the
/// service's name, description, group, keywords or answer choices. Matches on the name come first.
/// </summary>
// Limitation: the catalogue is searched in memory, which suits the tens of services a jurisdiction offers.
// A catalogue of thousands would move to the full-text search planned in ARCHITECTURE.md.
public static class CatalogSearch
{
    public static IReadOnlyList<ServiceView> Filter(IEnumerable<ServiceView> services, string? terms)
    {
        string[] words = Words(terms);
        if (words.Length == 0)
        {
            return services.ToList();
        }

        return services
            .Select(s => (Service: s, Name: Fold(s.Name), All: Fold(Haystack(s))))
            .Where(s => words.All(w => s.All.Contains(w, StringComparison.Ordinal)))
            .OrderBy(s => words.All(w => s.Name.Contains(w, StringComparison.Ordinal)) ? 0 : 1)
            .ThenBy(s => s.Service.Rank)
            .Select(s => s.Service)
            .ToList();
    }

    /// <summary>Lower case without accents, so that comparisons ignore both.</summary>
    public static string Fold(string text)
    {
        string decomposed = text.Normalize(NormalizationForm.FormD);
        StringBuilder folded = new(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string[] Words(string? terms) =>
        string.IsNullOrWhiteSpace(terms)
            ? []
            : Fold(terms).Split(
                [' ', '\t', ',', '.', ';', ':', '/', '-', '¿', '?', '¡', '!', '"', '\''],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Haystack(ServiceView service) =>
        string.Join(
            ' ',
            [service.Name, service.Description, service.Group, service.Keywords,
                .. service.Questions.SelectMany(q => q.Options).Select(o => o.Name)]);
}
