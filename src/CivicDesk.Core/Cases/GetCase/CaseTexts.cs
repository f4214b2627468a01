using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Data;

namespace CivicDesk.Core.Cases.GetCase;

/// <summary>The catalogue texts of one case's page in the reader's language, else the source text.</summary>
internal static class CaseTexts
{
    private const string SourceLanguage = "en";

    /// <summary>
    /// Only the translations the page shows, in one query: its service, questions, options, department and queue,
    /// and the names of the departments and queues it offers for routing.
    /// </summary>
    public static Task<Translations> LoadAsync(
        CivicDeskDbContext db,
        Service service,
        string departmentCode,
        string? queueCode,
        IReadOnlyList<DepartmentEntry> routable,
        string? culture,
        CancellationToken cancellationToken)
    {
        string code = service.Code;
        List<string> keys =
        [
            CatalogTextKeys.ServiceName(code),
            CatalogTextKeys.DepartmentName(departmentCode),
            .. service.Questions.Select(q => CatalogTextKeys.QuestionLabel(code, q.Code)),
            .. service.Questions.SelectMany(
                q => q.Options.Select(o => CatalogTextKeys.OptionName(code, q.Code, o.Key))),
        ];
        if (queueCode is not null)
        {
            keys.Add(CatalogTextKeys.QueueName(departmentCode, queueCode));
        }

        keys.AddRange(routable.SelectMany(d => d.Queues.Select(q => CatalogTextKeys.QueueName(d.Code, q.Code))
            .Append(CatalogTextKeys.DepartmentName(d.Code))));

        return Translations.LoadAsync(
            db, service.JurisdictionId, culture ?? string.Empty, cancellationToken, keys);
    }

    /// <summary>
    /// Whether a catalogue text is shown in its source language (English, the language catalogues are written in)
    /// to a reader of another language, for want of a translation.
    /// </summary>
    public static bool Untranslated(Translations texts, string? culture, string key) =>
        Translations.LanguageOf(culture ?? string.Empty) is { Length: > 0 } language
        && language != SourceLanguage && !texts.Has(key);

    /// <summary>
    /// The answers with their questions' labels, and list answers with their options' names, in the reader's
    /// language; a question no longer asked shows its code, an option no longer offered its key.
    /// </summary>
    public static List<AnswerLine> Answers(Service service, CaseAnswers answers, Translations texts) =>
        answers.Values.Select(pair =>
            {
                ServiceQuestion? question = service.Questions.FirstOrDefault(q => q.Code == pair.Key);
                if (question is null)
                {
                    return new AnswerLine(pair.Key, pair.Key, pair.Value);
                }

                string label = texts.Get(CatalogTextKeys.QuestionLabel(service.Code, question.Code), question.Label);
                return new AnswerLine(pair.Key, label, pair.Value)
                {
                    Shown = [.. pair.Value.Select(v => OptionName(service.Code, question, v, texts))],
                };
            })
            .ToList();

    private static string OptionName(string serviceCode, ServiceQuestion question, string value, Translations texts)
    {
        QuestionOption? option = question.Options.FirstOrDefault(o => o.Key == value);
        return option is null
            ? value
            : texts.Get(CatalogTextKeys.OptionName(serviceCode, question.Code, option.Key), option.Name);
    }
}
