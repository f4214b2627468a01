using System.Collections.Immutable;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Syntax;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Checking;

/// <summary>
/// Load-time checks of a decision table whose cells are literals, ranges and '-': rows of a unique table must not
/// overlap, and a table declared complete must cover every combination of inputs. Each column's domain is cut at
/// the values its cells mention into segments that every cell either wholly contains or wholly excludes, so one
/// representative value per segment decides coverage exactly.
/// </summary>
internal static class TableAnalysis
{
    private const int MaxCombinations = 200_000;
    private static readonly Value OtherText = Value.Of("\u0000any other text");

    public static void Check(TableDecl syntax, DecisionTable table, ImmutableArray<Bound> inputs)
    {
        bool literal = table.Rows.All(r => r.Cells.All(IsLiteral));
        if (!literal)
        {
            if (syntax.Complete)
            {
                SourcePosition at = table.Rows.SelectMany(r => r.Cells).First(c => !IsLiteral(c)).Position;
                throw Fail(at, "literal cells, ranges or '-' in a table declared complete (so it can be checked)",
                    "a cell that is an expression");
            }

            // Limitation: rows of a unique table with computed cells are not checked for overlap at load;
            // at run time two matching rows make the table's answer unknown.
            return;
        }

        List<Segment>[] segments = [.. inputs.Select((input, i) => Segments(input.Type, table.Rows, i))];
        long combinations = segments.Aggregate(1L, (product, s) => product * s.Count);
        if (combinations > MaxCombinations)
        {
            throw Fail(syntax.Position, $"a table with at most {MaxCombinations:N0} input combinations to check",
                $"{combinations:N0}");
        }

        Walk(syntax, table, segments, new Segment[segments.Length], 0);
    }

    private static void Walk(TableDecl syntax, DecisionTable table, List<Segment>[] segments, Segment[] chosen,
        int column)
    {
        if (column == segments.Length)
        {
            CheckCombination(syntax, table, chosen);
            return;
        }

        foreach (Segment segment in segments[column])
        {
            chosen[column] = segment;
            Walk(syntax, table, segments, chosen, column + 1);
        }
    }

    private static void CheckCombination(TableDecl syntax, DecisionTable table, Segment[] chosen)
    {
        List<DecisionRow> matching = [.. table.Rows.Where(r => Covers(r, chosen))];
        if (syntax.HitPolicy == HitPolicy.Unique && matching.Count > 1)
        {
            throw Fail(matching[1].Position, "rows that do not overlap in a unique table",
                $"rows {matching[0].Id} and {matching[1].Id} both matching {Describe(syntax, chosen)}");
        }

        if (syntax.Complete && matching.Count == 0)
        {
            throw Fail(syntax.Position, "a row for every combination in a table declared complete",
                $"no row for {Describe(syntax, chosen)}");
        }
    }

    private static bool Covers(DecisionRow row, Segment[] chosen)
    {
        for (int i = 0; i < chosen.Length; i++)
        {
            if (!CellMatches(row.Cells[i], chosen[i].Representative))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CellMatches(BCell cell, Value value) => cell switch
    {
        BAnyCell => true,
        BCompareCell compare => ValueOps.Compare(compare.Op, value, Literal(compare.Value)),
        BListCell list => list.Items.Any(i => ValueOps.Compare(BinaryOp.Equal, value, Literal(i))),
        BRangeCell range => ValueOps.Compare(BinaryOp.GreaterOrEqual, value, Literal(range.Low))
            && ValueOps.Compare(BinaryOp.LessOrEqual, value, Literal(range.High)),
        _ => false,
    };

    private static bool IsLiteral(BCell cell) => cell switch
    {
        BAnyCell => true,
        BCompareCell compare => compare.Value is BLiteral,
        BListCell list => list.Items.All(i => i is BLiteral),
        BRangeCell range => range.Low is BLiteral && range.High is BLiteral,
        _ => false,
    };

    private static Value Literal(Bound bound) => ((BLiteral)bound).Value;

    private static List<Segment> Segments(RuleType type, ImmutableArray<DecisionRow> rows, int column)
    {
        List<Value> points = [.. rows.SelectMany(r => Mentioned(r.Cells[column])).Distinct()];
        if (type.Equals(RuleType.Boolean))
        {
            return [new Segment(Value.True, "true"), new Segment(Value.False, "false")];
        }

        if (!type.IsOrdered)
        {
            return [.. points.Select(p => new Segment(p, p.Canonical)), new Segment(OtherText, "any other value")];
        }

        points.Sort(ValueOps.Order);
        return OrderedSegments(type, points);
    }

    private static List<Segment> OrderedSegments(RuleType type, List<Value> points)
    {
        List<Segment> segments = [];
        if (points.Count == 0)
        {
            segments.Add(new Segment(ValueOps.Zero(type), "any value"));
            return segments;
        }

        segments.Add(new Segment(ValueOps.Step(points[0], -1), "below " + points[0].Canonical));
        for (int i = 0; i < points.Count; i++)
        {
            segments.Add(new Segment(points[i], points[i].Canonical));
            if (i + 1 < points.Count && ValueOps.Between(points[i], points[i + 1]) is { } between)
            {
                segments.Add(new Segment(between,
                    $"between {points[i].Canonical} and {points[i + 1].Canonical}"));
            }
        }

        segments.Add(new Segment(ValueOps.Step(points[^1], 1), "above " + points[^1].Canonical));
        return segments;
    }

    private static IEnumerable<Value> Mentioned(BCell cell) => cell switch
    {
        BCompareCell compare => [Literal(compare.Value)],
        BListCell list => list.Items.Select(Literal),
        BRangeCell range => [Literal(range.Low), Literal(range.High)],
        _ => [],
    };

    private static string Describe(TableDecl syntax, Segment[] chosen) =>
        string.Join(", ", chosen.Select((s, i) => $"{Render(syntax.Inputs[i])} = {s.Description}"));

    private static string Render(Expr expr) => expr switch
    {
        NameExpr name => name.Name,
        FieldExpr field => Render(field.Target) + "." + field.Field,
        _ => $"input {expr.Position.Line}:{expr.Position.Column}",
    };

    private static CheckFailure Fail(SourcePosition position, string expected, string found) =>
        new(new RuleDiagnostic(position, expected, found));

    private sealed record Segment(Value Representative, string Description);
}
