using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Notifications;
using CivicDesk.Testing;

namespace CivicDesk.Core.Tests.Notifications;

/// <summary>The shipped templates cover every key the sample case types name, in every language, and fill in.</summary>
public sealed class NotificationTemplateTests
{
    private static readonly NotificationTemplates Templates = NotificationTemplates.BuiltIn();

    [Fact]
    public void BuiltIn_EveryTemplateKeyOfTheSampleCaseTypes_ExistsInEveryLanguage()
    {
        List<string> keys = [.. SampleTemplateKeys()];

        List<string> missing = [.. keys
            .SelectMany(key => ResidentLanguages.Supported.Select(language => (key, language)))
            .Where(entry => !Templates.Has(entry.key, entry.language))
            .Select(entry => $"{entry.key} ({entry.language})")];

        Assert.True(keys.Count >= 9, $"Only {keys.Count} template keys were found in samples/case-types.");
        Assert.Empty(missing);
    }

    [Fact]
    public void BuiltIn_EveryTemplate_UsesOnlyKnownPlaceholders()
    {
        NotificationFacts facts = new("NYC-1234", "Heat", CaseStatus.Open, "http://localhost:5080/requests/x", "NYC");

        List<string> unfilled = [.. Templates.Entries
            .Select(e => (e, Templates.Render(e.Key, e.Language, facts)!))
            .Where(r => (r.Item2.Subject + r.Item2.Body).Contains('{', StringComparison.Ordinal))
            .Select(r => $"{r.e.Key} ({r.e.Language})")];

        Assert.Empty(unfilled);
    }

    [Fact]
    public void Render_SpanishAcknowledgement_FillsReferenceServiceStatusLinkAndJurisdiction()
    {
        NotificationFacts facts = new(
            "NYC-7Q4K",
            "Calefacción",
            CaseStatus.Open,
            "https://311.example.gov/requests/NYC-7Q4K",
            "Ciudad de Prueba");

        RenderedNotification rendered = Templates.Render("case.acknowledged", "es", facts)!;

        Assert.Equal("Solicitud NYC-7Q4K recibida: Calefacción", rendered.Subject);
        Assert.Contains(
            "Ciudad de Prueba ha recibido su solicitud NYC-7Q4K (Calefacción)",
            rendered.Body,
            StringComparison.Ordinal);
        Assert.Contains("Estado: abierta.", rendered.Body, StringComparison.Ordinal);
        Assert.Contains("https://311.example.gov/requests/NYC-7Q4K", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownKey_ReturnsNull()
    {
        NotificationFacts facts = new("NYC-1", "Heat", CaseStatus.Open, "http://localhost:5080/requests/x", "NYC");

        Assert.Null(Templates.Render("case.no_such_template", "en", facts));
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("es-US", "es")]
    [InlineData("ES", "es")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", "en")]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    public void Choose_LanguageTag_GivesASupportedLanguage(string? tag, string expected) =>
        Assert.Equal(expected, ResidentLanguages.Choose(tag));

    private static IEnumerable<string> SampleTemplateKeys()
    {
        string folder = RepositoryPaths.Samples("case-types");
        foreach (string file in Directory.EnumerateFiles(folder, "*.yaml"))
        {
            CaseTypeRead read = CaseTypeFiles.Read(file);
            Assert.NotNull(read.CaseType);
            IEnumerable<string> transitionKeys =
                read.CaseType.Transitions.SelectMany(t => t.Notifications).Select(n => n.Template);
            IEnumerable<string> escalationKeys =
                read.CaseType.Escalations.SelectMany(e => e.Notify).Select(n => n.Template);
            foreach (string key in transitionKeys.Concat(escalationKeys).Distinct(StringComparer.Ordinal))
            {
                yield return key;
            }
        }
    }
}
