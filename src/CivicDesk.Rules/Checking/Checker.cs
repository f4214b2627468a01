using System.Collections.Immutable;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Syntax;

namespace CivicDesk.Rules.Checking;

/// <summary>
/// Resolves names, checks types (no implicit conversions), orders definitions and checks tables and parameters.
/// Collects one diagnostic per faulty declaration and throws them together at the end.
/// </summary>
internal sealed partial class Checker
{
    private readonly List<RuleDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    private readonly List<RuleInput> _inputs = [];
    private readonly List<RuleParameter> _parameters = [];
    private readonly List<RuleNode> _nodes = [];
    private readonly List<Declaration> _nodeSyntax = [];
    private readonly List<NodeState> _nodeStates = [];
    private readonly Stack<List<string>> _references = new();
    private readonly List<(string Name, RuleType Type, int Slot)> _locals = [];
    private readonly List<int> _checkedOrder = [];
    private int _localCount;
    private int _bindDepth;

    private enum NodeState
    {
        Unchecked,
        Checking,
        Checked,
        Failed,
    }

    public static CheckedRules Check(ImmutableArray<RuleFileSyntax> files)
    {
        Checker checker = new();
        return checker.CheckAll(files);
    }

    private CheckedRules CheckAll(ImmutableArray<RuleFileSyntax> files)
    {
        RuleFileSyntax main = files[0];
        RequireHeader(main, files);
        foreach (Declaration declaration in files.SelectMany(f => f.Declarations))
        {
            Declare(declaration);
        }

        for (int i = 0; i < _nodes.Count; i++)
        {
            try
            {
                CheckNode(i);
            }
            catch (CheckFailure)
            {
                // Already reported where it failed; keep checking the other declarations.
            }
        }

        EvaluationDepth.Check(_nodes, _checkedOrder, _diagnostics);
        ImmutableArray<RuleNode> outputs = ResolveOutputs(files);
        if (_diagnostics.Count > 0)
        {
            throw new RulesLoadException(_diagnostics);
        }

        return new CheckedRules(main.Id!, main.Version!, main.Metadata, [.. _inputs], [.. _parameters], [.. _nodes],
            outputs, _localCount);
    }

    private void RequireHeader(RuleFileSyntax main, ImmutableArray<RuleFileSyntax> files)
    {
        if (main.Id is null)
        {
            _diagnostics.Add(new RuleDiagnostic(main.Position, "'rules \"id\" version \"version\"' first",
                "no header"));
        }

        foreach (RuleFileSyntax included in files.Skip(1).Where(f => f.Id is not null))
        {
            _diagnostics.Add(new RuleDiagnostic(included.Position, "an included file without a 'rules' header",
                "a header"));
        }
    }

    private ImmutableArray<RuleNode> ResolveOutputs(ImmutableArray<RuleFileSyntax> files)
    {
        List<RuleNode> outputs = [];
        foreach (RuleFileSyntax file in files)
        {
            foreach (string name in file.Outputs)
            {
                if (_symbols.TryGetValue(name, out Symbol? symbol) && symbol.Kind == SymbolKind.Node)
                {
                    outputs.Add(_nodes[symbol.Index]);
                }
                else
                {
                    _diagnostics.Add(new RuleDiagnostic(file.Position, "outputs naming a definition or table",
                        $"'{name}'"));
                }
            }
        }

        if (outputs.Count == 0 && _diagnostics.Count == 0)
        {
            _diagnostics.Add(new RuleDiagnostic(files[0].Position, "an 'outputs' line naming the decisions",
                "none"));
        }

        return [.. outputs.Distinct()];
    }

    private void Declare(Declaration declaration)
    {
        if (_symbols.ContainsKey(declaration.Name) || IsReservedName(declaration.Name))
        {
            _diagnostics.Add(new RuleDiagnostic(declaration.Position, "a name not used before",
                $"'{declaration.Name}' again"));
            return;
        }

        try
        {
            DeclareChecked(declaration);
        }
        catch (CheckFailure failure) when (failure.Diagnostic is not null)
        {
            _diagnostics.Add(failure.Diagnostic);
        }
    }

    private static bool IsReservedName(string name) =>
        name == "as_of" || Parser.ReservedWords.Contains(name) || FunctionNames.Contains(name);

    private void DeclareChecked(Declaration declaration)
    {
        switch (declaration)
        {
            case InputDecl input:
                RuleType type = ResolveType(input.Type);
                _symbols[input.Name] = new Symbol(SymbolKind.Input, _inputs.Count, type);
                _inputs.Add(new RuleInput(input.Name, type, _inputs.Count, input.Metadata.Labels));
                break;
            case ParameterDecl parameter:
                RuleParameter checkedParameter = CheckParameter(parameter);
                _symbols[parameter.Name] = new Symbol(SymbolKind.Parameter, _parameters.Count,
                    checkedParameter.ValueType);
                _parameters.Add(checkedParameter);
                break;
            case DefineDecl define:
                AddNode(define, new RuleDefinition(define.Name, _nodes.Count, define.Position,
                    define.Metadata.Labels, define.Metadata.Citation, define.Metadata.Unit));
                break;
            case TableDecl table:
                AddNode(table, new DecisionTable(table.Name, _nodes.Count, table.Position, table.Metadata.Labels,
                    table.Metadata.Citation, table.HitPolicy));
                break;
        }
    }

    private void AddNode(Declaration syntax, RuleNode node)
    {
        _symbols[syntax.Name] = new Symbol(SymbolKind.Node, node.Index, RuleType.Boolean);
        _nodes.Add(node);
        _nodeSyntax.Add(syntax);
        _nodeStates.Add(NodeState.Unchecked);
    }

    /// <summary>Checks a node once, on first use, so definitions may be written in any order.</summary>
    private RuleType CheckNode(int index)
    {
        switch (_nodeStates[index])
        {
            case NodeState.Checked:
                return _nodes[index].Type;
            case NodeState.Failed:
                throw new CheckFailure();
            case NodeState.Checking:
                throw Fail(_nodeSyntax[index].Position, "definitions without a cycle",
                    $"'{_nodes[index].Name}' depending on itself");
        }

        _nodeStates[index] = NodeState.Checking;
        _references.Push([]);
        List<(string Name, RuleType Type, int Slot)> outerLocals = [.. _locals];
        _locals.Clear();
        try
        {
            CheckNodeBody(index);
            _nodes[index].References = [.. _references.Peek().Distinct(StringComparer.Ordinal)];
            _nodeStates[index] = NodeState.Checked;
            _checkedOrder.Add(index);
            return _nodes[index].Type;
        }
        catch (CheckFailure failure)
        {
            // Rethrown rather than replaced: a new exception at each level of a deep chain of definitions would
            // capture ever longer stack traces.
            _nodeStates[index] = NodeState.Failed;
            if (failure.Diagnostic is not null && !failure.Reported)
            {
                _diagnostics.Add(failure.Diagnostic);
                failure.Reported = true;
            }

            throw;
        }
        finally
        {
            _references.Pop();
            _locals.Clear();
            _locals.AddRange(outerLocals);
        }
    }

    private void CheckNodeBody(int index)
    {
        switch (_nodes[index], _nodeSyntax[index])
        {
            case (RuleDefinition definition, DefineDecl syntax):
                Bound body = Bind(syntax.Body);
                if (syntax.Type is not null)
                {
                    body = Coerce(body, ResolveType(syntax.Type), syntax.Body.Position, "the declared type");
                }

                definition.Body = body;
                definition.Type = body.Type;
                break;
            case (DecisionTable table, TableDecl syntax):
                CheckTable(table, syntax);
                break;
        }
    }

    private RuleType ResolveType(TypeSyntax syntax) => syntax switch
    {
        NamedTypeSyntax named => RuleType.Named(named.Name)
            ?? throw Fail(named.Position, "a type (boolean, integer, decimal, text, date, duration, list, record)",
                $"'{named.Name}'"),
        ListTypeSyntax list => RuleType.ListOf(ResolveType(list.Element)),
        RecordTypeSyntax record => ResolveRecord(record),
        _ => throw Fail(syntax.Position, "a type", "something else"),
    };

    private RecordType ResolveRecord(RecordTypeSyntax record)
    {
        if (record.Fields.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != record.Fields.Length)
        {
            throw Fail(record.Position, "distinct field names", "a field named twice");
        }

        return (RecordType)RuleType.RecordOf([.. record.Fields.Select(f => (f.Name, ResolveType(f.Type)))]);
    }

    private static CheckFailure Fail(SourcePosition position, string expected, string found) =>
        new(new RuleDiagnostic(position, expected, found));
}
