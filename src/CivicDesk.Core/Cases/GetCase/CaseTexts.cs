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
    /// the names of the departments and queues it offers for routing, and the timeline's (routing rows' labels).
    /// </summary>
    public static Task<Translations> LoadAsync(
        CivicDeskDbContext db,
        Service service,
        string departmentCode,
        string? queueCode,
        IReadOnlyList<DepartmentEntry> routable,
        IEnumerable<string> timelineKeys,
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
        keys.AddRange(timelineKeys);

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

    /// <summary>The translation keys of the rows the routing decisions fired.</summary>
    public static IEnumerable<string> RuleRowKeys(IEnumerable<RoutingDecisionView> decisions) =>
        decisions.SelectMany(d => d.FiredRows.Select(r => CatalogTextKeys.RuleRowLabel(d.RuleSetId, r.Table, r.Row)));

    /// <summary>
    /// The jurisdiction's translations of a decision's fired rows' labels, by <c>table/row</c>; rows without one
    /// are left out (the page shows the rule set's own label).
    /// </summary>
    public static IReadOnlyDictionary<string, string> RowLabels(RoutingDecisionView? decision, Translations texts) =>
        decision is null
            ? new Dictionary<string, string>()
            : decision.FiredRows
                .Select(r => (Row: r, Key: CatalogTextKeys.RuleRowLabel(decision.RuleSetId, r.Table, r.Row)))
                .Where(r => texts.Has(r.Key))
                .DistinctBy(r => r.Row)
                .ToDictionary(
                    r => $"{r.Row.Table}/{r.Row.Row}", r => texts.Get(r.Key, r.Row.Row), StringComparer.Ordinal);
}
