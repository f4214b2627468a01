using System.Collections.Immutable;
using System.Collections;
using System.Globalization;
using CivicDesk.Rules.Values;
using NodaTime.Text;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// Reads inputs given as plain data (text scalars, lists, maps: what a YAML or JSON reader yields) into typed
/// values by the declared input types. Numbers are read from their text, never through floating point. A missing
/// or null value stays missing; a missing record field becomes unknown naming its path (members[0].age).
/// </summary>
public static class InputReader
{
    public static RuleInputs Read(RuleSet ruleSet, IEnumerable<KeyValuePair<string, object?>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RuleInputs inputs = RuleInputs.For(ruleSet);
        foreach ((string name, object? raw) in data)
        {
            Model.RuleInput input = ruleSet.Input(name)
                ?? throw new RuleInputException($"{name}: not an input of this rule set");
            if (raw is not null)
            {
                inputs.Set(name, Convert(raw, input.Type, name));
            }
        }

        return inputs;
    }

    public static Value Convert(object raw, RuleType type, string path) => type switch
    {
        ListType list => ConvertList(raw, list, path),
        RecordType record => ConvertRecord(raw, record, path),
        _ => ConvertScalar(raw, type, path),
    };

    private static ListValue ConvertList(object raw, ListType type, string path)
    {
        if (raw is not IList items || raw is string)
        {
            throw new RuleInputException($"{path}: expected a list");
        }

        ImmutableArray<Value>.Builder values = ImmutableArray.CreateBuilder<Value>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            string itemPath = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
            values.Add(items[i] is { } item ? Convert(item, type.Element, itemPath) : UnknownValue.Of([itemPath]));
        }

        return new ListValue(values.MoveToImmutable());
    }

    private static RecordValue ConvertRecord(object raw, RecordType type, string path)
    {
        if (raw is not IDictionary map)
        {
            throw new RuleInputException($"{path}: expected a record");
        }

        Dictionary<string, object?> fields = new(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in map)
        {
            fields[System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
        }

        foreach (string name in fields.Keys.Where(k => type.IndexOf(k) < 0))
        {
            throw new RuleInputException($"{path}.{name}: not a field of {type.Name}");
        }

        ImmutableArray<Value> values = [.. type.Fields.Select(f => fields.GetValueOrDefault(f.Name) is { } value
            ? Convert(value, f.Type, $"{path}.{f.Name}")
            : UnknownValue.Of([$"{path}.{f.Name}"]))];
        return new RecordValue([.. type.Fields.Select(f => f.Name)], values);
    }

    private static Value ConvertScalar(object raw, RuleType type, string path)
    {
        string text = raw switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            IFormattable formattable and not double and not float =>
                formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new RuleInputException($"{path}: expected {type.Name} as text, found {raw.GetType().Name}"),
        };
        return ParseScalar(text.Trim(), type)
            ?? throw new RuleInputException($"{path}: expected {type.Name}, found '{text}'");
    }

    private static Value? ParseScalar(string text, RuleType type)
    {
        switch (type.Name)
        {
            case "boolean":
                return text is "true" or "false" ? Value.Of(text == "true") : null;
            case "integer":
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long i)
                    ? Value.Of(i)
                    : null;
            case "decimal":
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out decimal d)
                    ? Value.Of(d)
                    : null;
            case "date":
                ParseResult<NodaTime.LocalDate> date = LocalDatePattern.Iso.Parse(text);
                return date.Success ? Value.Of(date.Value) : null;
            case "duration":
                ParseResult<NodaTime.Period> period = PeriodPattern.Roundtrip.Parse(text);
                return period.Success ? Value.Of(period.Value) : null;
            default:
                return Value.Of(text);
        }
    }

    /// <summary>Whether a value has the shape of a type (used to check values set directly).</summary>
    public static bool Fits(Value value, RuleType type) => (value, type) switch
    {
        (UnknownValue, _) => true,
        (BooleanValue, _) => type.Equals(RuleType.Boolean),
        (IntegerValue, _) => type.Equals(RuleType.Integer),
        (DecimalValue, _) => type.Equals(RuleType.Decimal),
        (TextValue, _) => type.Equals(RuleType.Text),
        (DateValue, _) => type.Equals(RuleType.Date),
        (DurationValue, _) => type.Equals(RuleType.Duration),
        (ListValue list, ListType listType) => list.Items.All(i => Fits(i, listType.Element)),
        (RecordValue record, RecordType recordType) => record.Fields.Length == recordType.Fields.Length
            && record.Fields.Select((f, i) => Fits(f, recordType.Fields[i].Type)).All(ok => ok),
        _ => false,
    };
}
