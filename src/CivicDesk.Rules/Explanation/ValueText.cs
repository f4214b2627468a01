using CivicDesk.Rules.Values;
using NodaTime.Text;

namespace CivicDesk.Rules.Explanation;

/// <summary>Values as a reader sees them: amounts with grouping and at least two decimals, dates in ISO form.</summary>
internal static class ValueText
{
    public static string Format(Value value, Wording words) => value switch
    {
        BooleanValue b => b.Value ? words.Yes : words.No,
        IntegerValue i => i.Value.ToString("#,##0", words.Culture),
        DecimalValue d => d.Value.ToString("#,##0.00##########", words.Culture),
        TextValue t => t.Value,
        DateValue date => LocalDatePattern.Iso.Format(date.Value),
        ListValue { Items.IsEmpty: true } => words.None,
        ListValue list => string.Join("; ", list.Items.Select(i => Format(i, words))),
        RecordValue record =>
            "(" + string.Join(", ", record.Names.Select((n, i) => $"{n}: {Format(record.Fields[i], words)}")) + ")",
        UnknownValue => words.Unknown,
        _ => value.Canonical,
    };
}
