using System.Globalization;
using CivicDesk.Core.Common;
using CivicDesk.Rules.Values;
using CivicDesk.Workflow.CaseTypes;
using NodaTime.Text;

namespace CivicDesk.Core.Cases.ChangeCaseStatus;

/// <summary>
/// Reads the field values given with a transition as the case type types them. Errors name the field as
/// <c>fields.{name}</c>, the way the staff API and the workspace form carry them; empty values count as not given.
/// </summary>
internal static class TransitionFields
{
    public const int MaxLength = 4000;

    public static string Key(string field) => "fields." + field;

    public static (Dictionary<string, Value> Values, Dictionary<string, string> Given, List<FieldError> Errors) Read(
        CaseType type,
        IReadOnlyDictionary<string, string> given,
        IReadOnlyDictionary<string, Value> caseFields)
    {
        Dictionary<string, Value> values = new(caseFields, StringComparer.Ordinal);
        Dictionary<string, string> kept = new(StringComparer.Ordinal);
        List<FieldError> errors = [];
        foreach ((string name, string? raw) in given.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string? text = raw?.Trim();
            if (CaseTransitions.CaseFieldNames.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new(Key(name), "read_only", $"'{name}' comes from the case and cannot be set here."));
            }
            else if (type.Field(name) is not { } field)
            {
                errors.Add(new(Key(name), "unknown_field", $"'{name}' is not a field of case type {type.Key}."));
            }
            else if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            else if (text.Length > MaxLength)
            {
                errors.Add(new(Key(name), "too_long", $"{name} may hold at most {MaxLength} characters."));
            }
            else if (TextCharacters.Check(Key(name), text) is FieldError unreadable)
            {
                errors.Add(unreadable);
            }
            else if (Parse(field.Type, text) is { } value)
            {
                values[name] = value;
                kept[name] = text;
            }
            else
            {
                errors.Add(new(Key(name), "invalid", $"'{text}' is not a {field.Type} value for {name}."));
            }
        }

        return (values, kept, errors);
    }

    private static Value? Parse(string type, string text) => type switch
    {
        "text" => Value.Of(text),
        "integer" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)
            ? Value.Of(n) : null,
        "decimal" => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d)
            ? Value.Of(d) : null,
        "boolean" => text switch { "true" => Value.True, "false" => Value.False, _ => null },
        "date" => LocalDatePattern.Iso.Parse(text) is { Success: true } date ? Value.Of(date.Value) : null,
        _ => null,
    };
}
