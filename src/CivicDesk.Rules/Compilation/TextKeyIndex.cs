using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// A parameter table keyed by text, or by text then a number (integer, date or boolean), indexed for the typed
/// look-ups of the untraced program. Per period, the text picks its rows with one look-up in a dictionary of the
/// distinct texts (for HUD's limits, one entry per area instead of one per area and household size), and the number
/// is found among that text's few rows, kept side by side. It answers what the parameter's own look-up answers for
/// the same keys; <c>TextKeyIndexTests</c> hold it to that and to the interpreter.
/// </summary>
internal sealed class TextKeyIndex
{
    /// <summary>More rows than this for one text and the table is not indexed (its rows are scanned in turn).</summary>
    private const int MaxRowsPerText = 32;

    private readonly RuleParameter _parameter;
    private readonly Period[] _periods;

    private TextKeyIndex(RuleParameter parameter, Period[] periods)
    {
        _parameter = parameter;
        _periods = periods;
    }

    /// <summary>The index of a table keyed by text, or by text then a number; null for any other table.</summary>
    public static TextKeyIndex? For(RuleParameter parameter)
    {
        bool shaped = parameter.Keys.Length is 1 or 2 && parameter.Keys[0].Type.Equals(RuleType.Text)
            && (parameter.Keys.Length == 1 || parameter.Keys[1].Type.Name is "integer" or "date" or "boolean");
        if (!shaped)
        {
            return null;
        }

        List<Period> periods = [];
        foreach (ParameterPeriodValues values in parameter.Periods)
        {
            if (values.Table is null || Index(values) is not { } period)
            {
                return null;
            }

            periods.Add(period);
        }

        return new TextKeyIndex(parameter, [.. periods]);
    }

    /// <summary>The value for known keys in force on the date, or an unknown value when there is none.</summary>
    public Value Lookup(LocalDate date, string text, long number)
    {
        ParameterPeriodValues? source = _parameter.PeriodOn(date);
        foreach (Period period in _periods)
        {
            if (ReferenceEquals(period.Source, source))
            {
                return period.Find(text, number);
            }
        }

        return UnknownValue.None;
    }

    private static Period? Index(ParameterPeriodValues values)
    {
        Dictionary<string, List<(long Number, Value Value)>> byText = new(StringComparer.Ordinal);
        foreach ((TableKey key, Value value) in values.Table!)
        {
            if (!byText.TryGetValue(key.Text1!, out List<(long, Value)>? rows))
            {
                rows = [];
                byText[key.Text1!] = rows;
            }

            rows.Add((key.Number2, value));
        }

        if (byText.Values.Any(rows => rows.Count > MaxRowsPerText))
        {
            return null;
        }

        // The default comparer for string keys hashes without randomisation until a bucket fills up: cheaper than
        // StringComparer.Ordinal, and the same ordinal equality.
        Dictionary<string, (int Start, int End)> texts = new(byText.Count);
        List<long> numbers = [];
        List<Value> found = [];
        foreach ((string text, List<(long Number, Value Value)> rows) in byText)
        {
            texts[text] = (numbers.Count, numbers.Count + rows.Count);
            numbers.AddRange(rows.Select(row => row.Number));
            found.AddRange(rows.Select(row => row.Value));
        }

        return new Period(values, texts, [.. numbers], [.. found]);
    }

    private sealed class Period(ParameterPeriodValues source, Dictionary<string, (int Start, int End)> texts,
        long[] numbers, Value[] values)
    {
        public ParameterPeriodValues Source { get; } = source;

        public Value Find(string text, long number)
        {
            if (texts.TryGetValue(text, out (int Start, int End) range))
            {
                for (int i = range.Start; i < range.End; i++)
                {
                    if (numbers[i] == number)
                    {
                        return values[i];
                    }
                }
            }

            return UnknownValue.None;
        }
    }
}
