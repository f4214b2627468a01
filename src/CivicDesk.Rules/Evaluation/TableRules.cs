using System.Collections.Immutable;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// How a table's hit policy turns row matches (true, false or unknown per row) into the table's value. A row
/// that might match but cannot be decided makes the answer unknown whenever it could change it; a table where no
/// row matches has no answer (unknown naming no input), except collect (empty list) and collect sum (zero).
/// </summary>
internal static class TableRules
{
    public static Value Decide(DecisionTable table, List<(DecisionRow Row, Value Matched)> results,
        Func<DecisionTable, DecisionRow, Value> rowValue) => table.HitPolicy switch
        {
            HitPolicy.First => First(table, results, rowValue),
            HitPolicy.Unique => Unique(table, results, rowValue),
            HitPolicy.Priority => Priority(table, results, rowValue),
            _ => Collect(table, results, rowValue),
        };

    private static Value First(DecisionTable table, List<(DecisionRow Row, Value Matched)> results,
        Func<DecisionTable, DecisionRow, Value> rowValue)
    {
        (DecisionRow row, Value matched) = results[^1];
        return matched switch
        {
            BooleanValue { Value: true } => rowValue(table, row),
            UnknownValue => matched,
            _ => UnknownValue.None,
        };
    }

    private static Value Unique(DecisionTable table, List<(DecisionRow Row, Value Matched)> results,
        Func<DecisionTable, DecisionRow, Value> rowValue)
    {
        Value unknown = UnknownOf(results);
        if (unknown is UnknownValue)
        {
            return unknown;
        }

        DecisionRow? hit = null;
        foreach ((DecisionRow row, Value matched) in results)
        {
            if (matched is BooleanValue { Value: true })
            {
                if (hit is not null)
                {
                    return UnknownValue.None;
                }

                hit = row;
            }
        }

        return hit is null ? UnknownValue.None : rowValue(table, hit);
    }

    private static Value Priority(DecisionTable table, List<(DecisionRow Row, Value Matched)> results,
        Func<DecisionTable, DecisionRow, Value> rowValue)
    {
        DecisionRow? best = null;
        foreach ((DecisionRow row, Value matched) in results)
        {
            if (matched is BooleanValue { Value: true } && (best is null || Rank(table, row) < Rank(table, best)))
            {
                best = row;
            }
        }

        Value unknown = Value.True;
        foreach ((DecisionRow row, Value matched) in results)
        {
            if (matched is UnknownValue && (best is null || Rank(table, row) < Rank(table, best)))
            {
                unknown = Semantics.MergeUnknown(unknown, matched);
            }
        }

        if (unknown is UnknownValue)
        {
            return unknown;
        }

        return best is null ? UnknownValue.None : rowValue(table, best);
    }

    private static int Rank(DecisionTable table, DecisionRow row) =>
        table.PriorityRanks.GetValueOrDefault(((Checking.BLiteral)row.Outputs[0]).Value, int.MaxValue);

    private static Value Collect(DecisionTable table, List<(DecisionRow Row, Value Matched)> results,
        Func<DecisionTable, DecisionRow, Value> rowValue)
    {
        Value unknown = UnknownOf(results);
        if (unknown is UnknownValue)
        {
            return unknown;
        }

        ImmutableArray<Value>.Builder values = ImmutableArray.CreateBuilder<Value>();
        foreach ((DecisionRow row, Value matched) in results)
        {
            if (matched is BooleanValue { Value: true })
            {
                values.Add(rowValue(table, row));
            }
        }

        if (table.HitPolicy == HitPolicy.Collect)
        {
            return new ListValue(values.ToImmutable());
        }

        Value sum = table.Type.Equals(RuleType.Integer) ? Value.Of(0L) : Value.Of(0m);
        foreach (Value value in values)
        {
            sum = Semantics.Add(sum, value);
        }

        return sum;
    }

    private static Value UnknownOf(List<(DecisionRow Row, Value Matched)> results)
    {
        Value unknown = Value.True;
        foreach ((_, Value matched) in results)
        {
            if (matched is UnknownValue)
            {
                unknown = Semantics.MergeUnknown(unknown, matched);
            }
        }

        return unknown;
    }
}
