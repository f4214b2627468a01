using CivicDesk.Rules.Model;

namespace CivicDesk.Rules.Checking;

/// <summary>
/// Bounds how deeply evaluation can recurse: through an expression, into the definitions it uses, through theirs
/// and so on. A long chain of definitions each using the next would otherwise overflow the stack when evaluated
/// (the interpreter and compiled code both evaluate a definition when first used).
/// </summary>
internal static class EvaluationDepth
{
    public const int Max = 400;

    /// <summary>Visits nodes in check-completion order, so every node they use is measured first.</summary>
    public static void Check(List<RuleNode> nodes, List<int> checkedOrder, List<RuleDiagnostic> diagnostics)
    {
        int[] depths = new int[nodes.Count];
        foreach (int index in checkedOrder)
        {
            depths[index] = nodes[index] switch
            {
                RuleDefinition definition => Height(definition.Body, depths),
                DecisionTable table => 1 + TableParts(table).Select(b => Height(b, depths)).DefaultIfEmpty(0).Max(),
                _ => 1,
            };
            if (depths[index] > Max)
            {
                diagnostics.Add(new RuleDiagnostic(nodes[index].Position,
                    $"definitions that use each other at most {Max} levels deep", $"{depths[index]} levels"));
                return;
            }
        }
    }

    private static IEnumerable<Bound> TableParts(DecisionTable table) =>
        table.Inputs
            .Concat(table.Rows.SelectMany(r => r.Outputs))
            .Concat(table.Rows.SelectMany(r => r.Cells).SelectMany(CellParts));

    private static IEnumerable<Bound> CellParts(BCell cell) => cell switch
    {
        BCompareCell compare => [compare.Value],
        BListCell list => list.Items,
        BRangeCell range => [range.Low, range.High],
        _ => [],
    };

    private static int Height(Bound bound, int[] depths) => bound switch
    {
        BNode node => 1 + depths[node.Index],
        _ => 1 + Children(bound).Select(c => Height(c, depths)).DefaultIfEmpty(0).Max(),
    };

    private static IEnumerable<Bound> Children(Bound bound) => bound switch
    {
        BLookup lookup => lookup.Keys,
        BUnary unary => [unary.Operand],
        BBinary binary => [binary.Left, binary.Right],
        BIf conditional => [conditional.Condition, conditional.Then, conditional.Else],
        BIn membership => new[] { membership.Value, membership.Low, membership.High, membership.List }
            .OfType<Bound>().Concat(membership.Items),
        BList list => list.Items,
        BField field => [field.Target],
        BCall call => call.Arguments,
        BAggregate aggregate => aggregate.Body is null ? [aggregate.List] : [aggregate.List, aggregate.Body],
        _ => [],
    };
}
