using System.Globalization;
using System.Security.Cryptography;
using CivicDesk.Core.Catalog.GetCatalog;

namespace CivicDesk.Web.Portal.Requests;

/// <summary>What the resident typed into the request form, kept as typed so the form can show it again.</summary>
public sealed class RequestFormModel
{
    private readonly Dictionary<string, List<string>> _answers = new(StringComparer.Ordinal);

    /// <summary>Identifies one filling-in of the form; sending it twice gives the same case.</summary>
    public string SubmissionToken { get; private init; } = string.Empty;

    public string? Description { get; private init; }

    public string? Address { get; private init; }

    public string? ZipCode { get; private init; }

    public string? Latitude { get; private init; }

    public string? Longitude { get; private init; }

    public string? FirstName { get; private init; }

    public string? LastName { get; private init; }

    public string? Email { get; private init; }

    public string? Phone { get; private init; }

    /// <summary>How many photos came with the submission shown again; browsers cannot refill them.</summary>
    public int PhotosSent { get; set; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers =>
        _answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal);

    public static RequestFormModel Blank() => new() { SubmissionToken = NewToken() };

    public static RequestFormModel Read(IFormCollection form, ServiceView service)
    {
        string token = form[RequestFields.SubmissionToken].ToString();
        RequestFormModel model = new()
        {
            // The form always sends the token it was drawn with; anything else was not made here, and
            // keeping it would show the resident the same refusal at every try.
            SubmissionToken = IsToken(token) ? token : NewToken(),
            Description = form[RequestFields.Description].ToString(),
            Address = form[RequestFields.Address].ToString(),
            ZipCode = form[RequestFields.ZipCode].ToString(),
            Latitude = form[RequestFields.Latitude].ToString(),
            Longitude = form[RequestFields.Longitude].ToString(),
            FirstName = form[RequestFields.FirstName].ToString(),
            LastName = form[RequestFields.LastName].ToString(),
            Email = form[RequestFields.Email].ToString(),
            Phone = form[RequestFields.Phone].ToString(),
        };
        foreach (QuestionView question in service.Questions)
        {
            List<string> values = form[RequestFields.QuestionName(question.Code)]
                .Where(v => !string.IsNullOrWhiteSpace(v))
                .Select(v => v!)
                .ToList();
            if (values.Count > 0)
            {
                model._answers[question.Code] = values;
            }
        }

        return model;
    }

    private static string NewToken() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private static bool IsToken(string value) => value.Length == 32 && value.All(char.IsAsciiHexDigitLower);

    public bool IsChosen(string questionCode, string key) =>
        _answers.TryGetValue(questionCode, out List<string>? values) && values.Contains(key, StringComparer.Ordinal);

    public string? Answer(string questionCode) =>
        _answers.TryGetValue(questionCode, out List<string>? values) ? values[0] : null;

    /// <summary>
    /// Reads a coordinate in decimal degrees. A comma is accepted as the decimal mark, as many
    /// Spanish-speaking residents write it. Empty gives null; anything else unreadable gives false.
    /// </summary>
    public static bool TryParseCoordinate(string? text, out double? degrees)
    {
        degrees = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        string normalized = text.Trim().Replace('\u2212', '-');
        if (!normalized.Contains('.', StringComparison.Ordinal) && normalized.Count(c => c == ',') == 1)
        {
            normalized = normalized.Replace(',', '.');
        }

        if (double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value))
        {
            degrees = value;
            return true;
        }

        return false;
    }
}
