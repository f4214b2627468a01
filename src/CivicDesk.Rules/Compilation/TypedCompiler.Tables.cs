using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>The typed row matching of decision tables.</summary>
internal sealed partial class TypedCompiler
{
    /// <summary>
    /// The row matching of a decision table whose columns are all typed and whose cells are comparisons, lists or
    /// ranges of those types: columns evaluated once, each row the Kleene "and" of its cells left to right (stopping
    /// at a false one), written to the matches array as the interpreter would record it; "first" stops at the first
    /// row that is not false. Null when something in the table is not typed. A column after the first that reads a
    /// definition or an input is read only where a row reaches a cell that needs it (a definition is still evaluated
    /// once, into its slot): a table whose first column rules most rows out then skips the other columns' work.
    /// </summary>
    private Func<Frame, Value[], int>? Matcher(DecisionTable table)
    {
        List<ParameterExpression> columns = [];
        List<Bound?> lazy = [];
        List<Expression> body = [];
        foreach (Bound input in table.Inputs)
        {
            if (ClrType(input.Type) is not { } clr)
            {
                return null;
            }

            ParameterExpression column = Expression.Variable(TypedOf(clr), "column");
            bool deferred = columns.Count > 0
                && (input is BInput || (input is BNode node && _program.IsTyped[node.Index]));
            columns.Add(column);
            lazy.Add(deferred ? input : null);
            if (!deferred)
            {
                body.Add(Expression.Assign(column, Lower(input)));
            }
        }

        ParameterExpression id = Expression.Variable(typeof(int), "id");
        Dictionary<Value, int>? ids = columns.Count > 0 ? ExactIds(table, columns[0]) : null;
        if (ids is not null)
        {
            _lookedUp.Add(table.Name);
            Type clr = columns[0].Type.GetGenericArguments()[0];
            object lookup = typeof(TypedOps).GetMethod(nameof(TypedOps.Ids))!.MakeGenericMethod(clr)
                .Invoke(null, [ids])!;
            body.Add(Expression.Assign(id,
                Expression.Call(Generic(nameof(TypedOps.Id), clr), columns[0], Expression.Constant(lookup))));
        }

        ParameterExpression matches = Expression.Parameter(typeof(Value[]), "matches");
        ParameterExpression row = Expression.Variable(typeof(Typed<bool>), "row");
        LabelTarget done = Expression.Label(typeof(int), "done");
        MethodInfo isFalse = Op(nameof(TypedOps.IsFalse), typeof(Typed<bool>));
        MethodInfo step = Op(nameof(TypedOps.MatchStep), typeof(Typed<bool>), typeof(Typed<bool>));
        foreach (DecisionRow decisionRow in table.Rows)
        {
            body.Add(Expression.Assign(row, Known(typeof(bool), true)));
            for (int i = 0; i < columns.Count; i++)
            {
                Expression? exact = i == 0 && ids is not null
                    ? ExactCell(decisionRow.Cells[0], columns[0], id, ids)
                    : null;
                if ((exact ?? Cell(decisionRow.Cells[i], columns[i])) is not { } cell)
                {
                    return null;
                }

                Expression next = Expression.Assign(row, Expression.Call(step, row, cell));
                if (lazy[i] is { } input && decisionRow.Cells[i] is not BAnyCell)
                {
                    next = Expression.Block(Expression.Assign(columns[i], Lower(input)), next);
                }

                body.Add(Expression.IfThen(Expression.Not(Expression.Call(isFalse, row)), next));
            }

            body.Add(Expression.Assign(Expression.ArrayAccess(matches, Expression.Constant(decisionRow.Index)),
                Box(row)));
            if (table.HitPolicy == HitPolicy.First)
            {
                body.Add(Expression.IfThen(Expression.Not(Expression.Call(isFalse, row)),
                    Expression.Return(done, Expression.Constant(decisionRow.Index + 1))));
            }
        }

        body.Add(Expression.Label(done, Expression.Constant(table.Rows.Length)));
        return Expression.Lambda<Func<Frame, Value[], int>>(
            Expression.Block(typeof(int), [.. columns, id, row], body), _frame, matches).Compile();
    }

    /// <summary>
    /// For a table with several rows whose first cell is an exact literal (<c>"graffiti"</c>, or a list of
    /// literals), a number for each distinct literal: the column's value is then looked up once per evaluation and
    /// each such row's first cell compares numbers. Null when the first column does not lend itself.
    /// </summary>
    private static Dictionary<Value, int>? ExactIds(DecisionTable table, ParameterExpression column)
    {
        Type clr = column.Type.GetGenericArguments()[0];
        if (clr == typeof(decimal) || table.Rows.Count(row => ExactLiterals(row.Cells[0]) is not null) < 4)
        {
            return null;
        }

        Dictionary<Value, int> ids = [];
        foreach (DecisionRow row in table.Rows)
        {
            foreach (Value literal in ExactLiterals(row.Cells[0]) ?? [])
            {
                ids.TryAdd(literal, ids.Count);
            }
        }

        return ids;
    }

    /// <summary>The literals a cell matches exactly (equal to one, or one of a list), or null.</summary>
    private static Value[]? ExactLiterals(BCell cell) => cell switch
    {
        BCompareCell { Op: BinaryOp.Equal, Value: BLiteral literal } when literal.Value is not UnknownValue =>
            [literal.Value],
        BListCell list when list.Items.All(item => item is BLiteral { Value: not UnknownValue }) =>
            [.. list.Items.Select(item => ((BLiteral)item).Value)],
        _ => null,
    };

    /// <summary>An exact first cell compared by number: unknown if the column is, else id among the cell's.</summary>
    private static ConditionalExpression? ExactCell(BCell cell, ParameterExpression column, ParameterExpression id,
        Dictionary<Value, int> ids)
    {
        if (ExactLiterals(cell) is not { } literals)
        {
            return null;
        }

        Expression matched = Expression.Constant(false);
        foreach (Value literal in literals)
        {
            matched = Expression.OrElse(matched, Expression.Equal(id, Expression.Constant(ids[literal])));
        }

        Expression unknown = Expression.Field(column, nameof(Typed<int>.Unknown));
        return Expression.Condition(
            Expression.ReferenceNotEqual(unknown, Expression.Constant(null, typeof(UnknownValue))),
            Expression.Call(Generic(nameof(TypedOps.Strict), typeof(bool)), unknown, unknown),
            Expression.New(typeof(Typed<bool>).GetConstructor([typeof(bool)])!, matched));
    }

    /// <summary>Whether a column's value satisfies a cell (true, false or unknown), typed; null if not typed.</summary>
    private Expression? Cell(BCell cell, ParameterExpression column)
    {
        Type clr = column.Type.GetGenericArguments()[0];
        bool ordered = clr == typeof(decimal) || clr == typeof(long) || clr == typeof(LocalDate);
        return cell switch
        {
            BAnyCell => Known(typeof(bool), true),
            BCompareCell compare when ClrType(compare.Value.Type) == clr =>
                Comparison(compare.Op, clr, column, Lower(compare.Value)),
            BListCell list when list.Items.All(item => ClrType(item.Type) == clr) =>
                AnyEqual(clr, column, list.Items),
            BRangeCell range when ordered && ClrType(range.Low.Type) == clr && ClrType(range.High.Type) == clr =>
                Expression.Call(Generic(nameof(TypedOps.Between), clr), column, Lower(range.Low),
                    Lower(range.High)),
            _ => null,
        };
    }
}
