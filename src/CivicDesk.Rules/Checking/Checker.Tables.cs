using System.Collections.Immutable;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Syntax;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Checking;

internal sealed partial class Checker
{
    private void CheckTable(DecisionTable table, TableDecl syntax)
    {
        ImmutableArray<Bound> inputs = [.. syntax.Inputs.Select(Bind)];
        ImmutableArray<(string Name, RuleType Type)> outputs =
            [.. syntax.Outputs.Select(o => (o.Name, ResolveType(o.Type)))];
        HashSet<string> ids = new(StringComparer.Ordinal);
        List<DecisionRow> rows = [];
        foreach (TableRow row in syntax.Rows)
        {
            if (!ids.Add(row.Id))
            {
                throw Fail(row.Position, "a row id not used before in this table", $"'{row.Id}' again");
            }

            rows.Add(CheckRow(row, rows.Count, inputs, outputs));
        }

        table.Inputs = inputs;
        table.Rows = [.. rows];
        table.OutputNames = [.. outputs.Select(o => o.Name)];
        table.Type = TableType(syntax, outputs);
        if (syntax.HitPolicy == HitPolicy.Priority)
        {
            table.PriorityRanks = PriorityRanks(syntax, outputs[0].Type, table.Rows);
        }

        if (syntax.HitPolicy == HitPolicy.Unique || syntax.Complete)
        {
            TableAnalysis.Check(syntax, table, inputs);
        }
    }

    private DecisionRow CheckRow(TableRow row, int index, ImmutableArray<Bound> inputs,
        ImmutableArray<(string Name, RuleType Type)> outputs)
    {
        if (row.Cells.Length != inputs.Length)
        {
            throw Fail(row.Position, $"{inputs.Length} input cell(s), one per 'input' column",
                $"{row.Cells.Length}");
        }

        if (row.Outputs.Length != outputs.Length)
        {
            throw Fail(row.Position, $"{outputs.Length} output value(s) after '->'", $"{row.Outputs.Length}");
        }

        ImmutableArray<BCell> cells = [.. row.Cells.Select((c, i) => CheckCell(c, inputs[i].Type))];
        ImmutableArray<Bound> values = [.. row.Outputs.Select((o, i) =>
            Coerce(Bind(o), outputs[i].Type, o.Position, $"the output {outputs[i].Name}"))];
        return new DecisionRow(row.Id, index, row.Position, row.Metadata.Labels, row.Metadata.Citation, cells,
            values);
    }

    private BCell CheckCell(Cell cell, RuleType column)
    {
        switch (cell)
        {
            case AnyCell:
                return new BAnyCell(cell.Position);
            case CompareCell compare:
                Bound value = Coerce(Bind(compare.Value), column, compare.Value.Position, "the cell");
                bool ordering = compare.Operator is "<" or "<=" or ">" or ">=";
                if ((ordering && !column.IsOrdered) || column is ListType or RecordType)
                {
                    throw Fail(cell.Position, "a cell comparison this column's type allows", column.Name);
                }

                return new BCompareCell(cell.Position, ComparisonOp(compare.Operator), value);
            case ListCell list:
                return new BListCell(cell.Position,
                    [.. list.Items.Select(i => Coerce(Bind(i), column, i.Position, "a list item"))]);
            case RangeCell range:
                if (!column.IsOrdered)
                {
                    throw Fail(cell.Position, "a range only in a number or date column", column.Name);
                }

                return new BRangeCell(cell.Position, Coerce(Bind(range.Low), column, range.Low.Position, "the low end"),
                    Coerce(Bind(range.High), column, range.High.Position, "the high end"));
            default:
                throw Fail(cell.Position, "a cell", "something else");
        }
    }

    private static RuleType TableType(TableDecl syntax, ImmutableArray<(string Name, RuleType Type)> outputs)
    {
        RuleType row = outputs.Length == 1 ? outputs[0].Type : RuleType.RecordOf(outputs);
        switch (syntax.HitPolicy)
        {
            case HitPolicy.Collect:
                return RuleType.ListOf(row);
            case HitPolicy.CollectSum:
                if (outputs.Length != 1 || !row.IsNumeric)
                {
                    throw Fail(syntax.Position, "one numeric output column for 'collect sum'", row.Name);
                }

                return row;
            default:
                return row;
        }
    }

    private static ImmutableDictionary<Value, int> PriorityRanks(TableDecl syntax, RuleType type,
        ImmutableArray<DecisionRow> rows)
    {
        OutputColumn first = syntax.Outputs[0];
        if (first.Order.IsEmpty)
        {
            throw Fail(first.Position, "'order' and the output values, highest priority first", "no order");
        }

        ImmutableDictionary<Value, int>.Builder ranks = ImmutableDictionary.CreateBuilder<Value, int>();
        foreach (Expr item in first.Order)
        {
            ranks.TryAdd(LiteralValue(item, type), ranks.Count);
        }

        foreach (DecisionRow row in rows)
        {
            if (row.Outputs[0] is not BLiteral literal || !ranks.ContainsKey(literal.Value))
            {
                throw Fail(row.Position, "a first output listed in the column's order", "another value");
            }
        }

        return ranks.ToImmutable();
    }

    /// <summary>A literal written in a parameter or an order list, read as the given type.</summary>
    private static Value LiteralValue(Expr expr, RuleType type)
    {
        Value? value = (expr, type.Name) switch
        {
            (IntegerLiteral i, "integer") => Value.Of(i.Value),
            (IntegerLiteral i, "decimal") => Value.Of((decimal)i.Value),
            (DecimalLiteral d, "decimal") => Value.Of(d.Value),
            (TextLiteral t, "text") => Value.Of(t.Value),
            (BooleanLiteral b, "boolean") => Value.Of(b.Value),
            (DateLiteral d, "date") => Value.Of(d.Value),
            (UnaryExpr { Operand: IntegerLiteral i }, "integer") => Value.Of(-i.Value),
            (UnaryExpr { Operand: IntegerLiteral i }, "decimal") => Value.Of(-(decimal)i.Value),
            (UnaryExpr { Operand: DecimalLiteral d }, "decimal") => Value.Of(-d.Value),
            _ => null,
        };
        return value ?? throw Fail(expr.Position, "a literal " + type.Name, DescribeLiteral(expr));
    }

    private static string DescribeLiteral(Expr expr) => expr switch
    {
        IntegerLiteral => "a whole number",
        DecimalLiteral => "a decimal number",
        TextLiteral => "text",
        BooleanLiteral => "a boolean",
        DateLiteral => "a date",
        _ => "an expression",
    };
}
