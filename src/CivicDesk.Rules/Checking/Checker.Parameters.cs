using System.Collections.Immutable;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Syntax;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Checking;

internal sealed partial class Checker
{
    private static readonly HashSet<string> ParameterValueTypes = ["boolean", "integer", "decimal", "text", "date"];
    private static readonly HashSet<string> KeyTypes = ["boolean", "integer", "text", "date"];

    private RuleParameter CheckParameter(ParameterDecl syntax)
    {
        RuleType valueType = ResolveType(syntax.ValueType);
        if (!ParameterValueTypes.Contains(valueType.Name))
        {
            throw Fail(syntax.ValueType.Position, "boolean, integer, decimal, text or date", valueType.Name);
        }

        RequireMetadata(syntax);
        ImmutableArray<(string Name, RuleType Type)> keys = [.. syntax.Keys.Select(k => (k.Name, ResolveType(k.Type)))];
        if (keys.Length > TableKey.MaxParts || keys.Any(k => !KeyTypes.Contains(k.Type.Name)))
        {
            throw Fail(syntax.Position, "at most three keys of type boolean, integer, text or date",
                string.Join(", ", keys.Select(k => k.Type.Name)));
        }

        List<ParameterPeriodValues> periods = [];
        foreach (ParameterPeriod period in syntax.Periods)
        {
            ParameterPeriodValues values = keys.IsEmpty
                ? new ParameterPeriodValues(period.From, period.Until, LiteralValue(period.Value!, valueType), null)
                : new ParameterPeriodValues(period.From, period.Until, null, TableValues(period, keys, valueType));
            RequireNoOverlap(period, values, periods);
            periods.Add(values);
        }

        return new RuleParameter(syntax.Name, valueType, keys, syntax.Metadata.Unit!, syntax.Metadata.Labels,
            syntax.Metadata.Citation!, [.. periods]);
    }

    private static void RequireMetadata(ParameterDecl syntax)
    {
        string? missing = syntax.Metadata switch
        {
            { Unit: null } => "unit",
            { Citation: null } => "citation",
            _ when !syntax.Metadata.Labels.ContainsKey("en") => "label",
            _ => null,
        };
        if (missing is not null)
        {
            throw Fail(syntax.Position, $"a {missing} \"...\" for the parameter {syntax.Name}", $"no {missing}");
        }
    }

    private static void RequireNoOverlap(ParameterPeriod period, ParameterPeriodValues values,
        List<ParameterPeriodValues> earlier)
    {
        if (values.Until is { } until && until < values.From)
        {
            throw Fail(period.Position, "an 'until' date on or after the 'from' date", Iso(until));
        }

        foreach (ParameterPeriodValues other in earlier)
        {
            bool startsBeforeOtherEnds = other.Until is null || values.From <= other.Until;
            bool endsAfterOtherStarts = values.Until is null || other.From <= values.Until;
            if (startsBeforeOtherEnds && endsAfterOtherStarts)
            {
                throw Fail(period.Position, "periods that do not overlap",
                    $"a period from {Iso(values.From)} overlapping the one from {Iso(other.From)}");
            }
        }
    }

    private static string Iso(NodaTime.LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static Dictionary<TableKey, Value> TableValues(ParameterPeriod period,
        ImmutableArray<(string Name, RuleType Type)> keys, RuleType valueType)
    {
        bool pivoted = !period.Columns.IsEmpty;
        ImmutableArray<Value> columns = [.. period.Columns.Select(c => LiteralValue(c, keys[^1].Type))];
        int rowKeys = pivoted ? keys.Length - 1 : keys.Length;
        int valuesPerRow = pivoted ? columns.Length : 1;
        Dictionary<TableKey, Value> table = new(period.Rows.Length * valuesPerRow);
        Value[] parts = new Value[keys.Length];
        foreach (ParameterRow row in period.Rows)
        {
            if (row.Keys.Length != rowKeys || row.Values.Length != valuesPerRow)
            {
                throw Fail(row.Position, $"{rowKeys} key(s), ':' and {valuesPerRow} value(s)",
                    $"{row.Keys.Length} key(s) and {row.Values.Length} value(s)");
            }

            for (int k = 0; k < rowKeys; k++)
            {
                parts[k] = LiteralValue(row.Keys[k], keys[k].Type);
            }

            for (int v = 0; v < valuesPerRow; v++)
            {
                if (pivoted)
                {
                    parts[^1] = columns[v];
                }

                TableKey.TryCreate(parts, out TableKey key);
                if (!table.TryAdd(key, LiteralValue(row.Values[v], valueType)))
                {
                    throw Fail(row.Position, "each key once per period", "a key listed twice");
                }
            }
        }

        return table;
    }
}
