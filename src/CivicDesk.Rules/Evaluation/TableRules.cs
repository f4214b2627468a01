using System.Runtime.InteropServices;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// Gives the output value of one table row that hit; the interpreter and compiled code each supply one.
/// </summary>
internal interface IRowValues
{
    Value RowValue(DecisionTable table, DecisionRow row);
}

/// <summary>
/// How a table's hit policy turns row matches (true, false or unknown per row) into the table's value. A row
/// that might match but cannot be decided makes the answer unknown whenever it could change it; a table where no
/// row matches has no answer (unknown naming no input), except collect (empty list) and collect sum (zero).
/// The matches are those of the table's first rows in order (all rows, except that "first" stops at a hit).
/// </summary>
internal static class TableRules
{
    /// <summary>
    /// The empty list a collect table gives when no row hits (values are immutable, so it is shared).
    /// </summary>
    private static readonly ListValue EmptyList = new([]);

    public static Value Decide<TRows>(DecisionTable table, ReadOnlySpan<Value> matches, TRows rows)
        where TRows : IRowValues => table.HitPolicy switch
        {
            HitPolicy.First => First(table, matches, rows),
            HitPolicy.Unique => Unique(table, matches, rows),
            HitPolicy.Priority => Priority(table, matches, rows),
            _ => Collect(table, matches, rows),
        };

    private static Value First<TRows>(DecisionTable table, ReadOnlySpan<Value> matches, TRows rows)
        where TRows : IRowValues
    {
        Value matched = matches[^1];
        return matched switch
        {
            BooleanValue { Value: true } => rows.RowValue(table, table.Rows[matches.Length - 1]),
            UnknownValue => matched,
            _ => UnknownValue.None,
        };
    }

    private static Value Unique<TRows>(DecisionTable table, ReadOnlySpan<Value> matches, TRows rows)
        where TRows : IRowValues
    {
        Value unknown = UnknownOf(matches);
        if (unknown is UnknownValue)
        {
            return unknown;
        }

        int hit = -1;
        for (int i = 0; i < matches.Length; i++)
        {
            if (matches[i] is BooleanValue { Value: true })
            {
                if (hit >= 0)
                {
                    return UnknownValue.None;
                }

                hit = i;
            }
        }

        return hit < 0 ? UnknownValue.None : rows.RowValue(table, table.Rows[hit]);
    }

    private static Value Priority<TRows>(DecisionTable table, ReadOnlySpan<Value> matches, TRows rows)
        where TRows : IRowValues
    {
        DecisionRow? best = null;
        for (int i = 0; i < matches.Length; i++)
        {
            DecisionRow row = table.Rows[i];
            if (matches[i] is BooleanValue { Value: true } && (best is null || Rank(table, row) < Rank(table, best)))
            {
                best = row;
            }
        }

        Value unknown = Value.True;
        for (int i = 0; i < matches.Length; i++)
        {
            DecisionRow row = table.Rows[i];
            if (matches[i] is UnknownValue && (best is null || Rank(table, row) < Rank(table, best)))
            {
                unknown = Semantics.MergeUnknown(unknown, matches[i]);
            }
        }

        if (unknown is UnknownValue)
        {
            return unknown;
        }

        return best is null ? UnknownValue.None : rows.RowValue(table, best);
    }

    private static int Rank(DecisionTable table, DecisionRow row) =>
        table.PriorityRanks.GetValueOrDefault(((Checking.BLiteral)row.Outputs[0]).Value, int.MaxValue);

    private static Value Collect<TRows>(DecisionTable table, ReadOnlySpan<Value> matches, TRows rows)
        where TRows : IRowValues
    {
        Value unknown = UnknownOf(matches);
        if (unknown is UnknownValue)
        {
            return unknown;
        }

        int hits = 0;
        foreach (Value matched in matches)
        {
            hits += matched is BooleanValue { Value: true } ? 1 : 0;
        }

        if (table.HitPolicy == HitPolicy.Collect)
        {
            if (hits == 0)
            {
                return EmptyList;
            }

            Value[] values = new Value[hits];
            int next = 0;
            for (int i = 0; i < matches.Length; i++)
            {
                if (matches[i] is BooleanValue { Value: true })
                {
                    values[next++] = rows.RowValue(table, table.Rows[i]);
                }
            }

            return new ListValue(ImmutableCollectionsMarshal.AsImmutableArray(values));
        }

        Value sum = table.Type.Equals(RuleType.Integer) ? Value.Of(0L) : Value.Of(0m);
        for (int i = 0; i < matches.Length; i++)
        {
            if (matches[i] is BooleanValue { Value: true })
            {
                sum = Semantics.Add(sum, rows.RowValue(table, table.Rows[i]));
            }
        }

        return sum;
    }

    private static Value UnknownOf(ReadOnlySpan<Value> matches)
    {
        Value unknown = Value.True;
        foreach (Value matched in matches)
        {
            if (matched is UnknownValue)
            {
                unknown = Semantics.MergeUnknown(unknown, matched);
            }
        }

        return unknown;
    }
}
