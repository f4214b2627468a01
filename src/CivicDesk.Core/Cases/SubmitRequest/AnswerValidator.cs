using System.Globalization;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;

namespace CivicDesk.Core.Cases.SubmitRequest;

/// <summary>Checks a request's answers against its service's questions.</summary>
internal static class AnswerValidator
{
    public const int MaxAnswerLength = 2000;

    public static CaseAnswers Validate(
        Service service,
        IReadOnlyDictionary<string, IReadOnlyList<string>> answers,
        List<FieldError> errors)
    {
        Dictionary<string, IReadOnlyList<string>> accepted = new(StringComparer.Ordinal);
        foreach (string code in answers.Keys.Where(code => service.Questions.All(q => q.Code != code)))
        {
            errors.Add(new FieldError(FieldName(code), "unknown_attribute", $"The service has no question '{code}'."));
        }

        foreach (ServiceQuestion question in service.Questions.OrderBy(q => q.Order))
        {
            string[] given = answers.TryGetValue(question.Code, out IReadOnlyList<string>? values)
                ? values.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray()
                : [];
            if (given.Length == 0)
            {
                if (question.IsRequired)
                {
                    string message = $"'{question.Label}' is required.";
                    errors.Add(new FieldError(FieldName(question.Code), "required", message));
                }

                continue;
            }

            if (Check(question, given) is string problem)
            {
                errors.Add(new FieldError(FieldName(question.Code), "invalid", problem));
                continue;
            }

            accepted[question.Code] = given;
        }

        return CaseAnswers.From(accepted);
    }

    public static string FieldName(string code) => $"attribute[{code}]";

    private static string? Check(ServiceQuestion question, string[] given)
    {
        if (given.Any(v => v.Length > MaxAnswerLength))
        {
            return $"An answer may hold at most {MaxAnswerLength} characters.";
        }

        if (question.Datatype != QuestionDatatype.MultiValueList && given.Length > 1)
        {
            return $"'{question.Label}' takes one answer.";
        }

        return question.Datatype switch
        {
            QuestionDatatype.SingleValueList or QuestionDatatype.MultiValueList =>
                given.FirstOrDefault(v => question.Options.All(o => o.Key != v)) is string unknown
                    ? $"'{unknown}' is not one of the choices for '{question.Label}'."
                    : null,
            QuestionDatatype.Number =>
                decimal.TryParse(given[0], NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                    ? null
                    : $"'{question.Label}' must be a number.",
            QuestionDatatype.Datetime =>
                DateTimeOffset.TryParse(given[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : $"'{question.Label}' must be a date and time such as 2025-03-01T14:30:00-05:00.",
            QuestionDatatype.String or QuestionDatatype.Text => null,
        };
    }
}
