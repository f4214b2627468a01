using System.Collections.Immutable;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Compilation;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Model;
using NodaTime;

namespace CivicDesk.Rules;

/// <summary>
/// A loaded, checked rule set: immutable and safe to share between threads. Evaluate it with the reference
/// interpreter, or compile it once for speed; both give the same outputs and traces.
/// </summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, RuleInput> _inputsByName;
    private readonly Dictionary<string, RuleNode> _nodesByName;
    private CompiledRuleSet? _compiled;

    internal RuleSet(CheckedRules rules, string contentHash)
    {
        Id = rules.Id;
        Version = rules.Version;
        ContentHash = contentHash;
        Labels = rules.Metadata.Labels;
        Citation = rules.Metadata.Citation;
        Inputs = rules.Inputs;
        Parameters = rules.Parameters;
        Nodes = rules.Nodes;
        Outputs = rules.Outputs;
        LocalCount = rules.LocalCount;
        _inputsByName = Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _nodesByName = Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        MissingInputs = [.. Inputs.Select(i => Values.UnknownValue.Of([i.Name]))];
        TraceLayout = new TraceLayout(Nodes);
    }

    public string Id { get; }

    public string Version { get; }

    /// <summary>SHA-256 (hex) of the rule file and every included file, in include order.</summary>
    public string ContentHash { get; }

    public ImmutableDictionary<string, string> Labels { get; }

    public string? Citation { get; }

    public ImmutableArray<RuleInput> Inputs { get; }

    public ImmutableArray<RuleParameter> Parameters { get; }

    /// <summary>Definitions and tables in written order.</summary>
    public ImmutableArray<RuleNode> Nodes { get; }

    public ImmutableArray<RuleNode> Outputs { get; }

    internal int LocalCount { get; }

    /// <summary>Per input slot, the unknown value that stands for it when it is missing.</summary>
    internal ImmutableArray<Values.UnknownValue> MissingInputs { get; }

    /// <summary>The layout every trace of this rule set shares.</summary>
    internal TraceLayout TraceLayout { get; }

    public RuleInput? Input(string name) => _inputsByName.GetValueOrDefault(name);

    public RuleNode? Node(string name) => _nodesByName.GetValueOrDefault(name);

    /// <summary>Evaluates with the reference tree interpreter.</summary>
    public EvaluationResult Evaluate(RuleInputs inputs, LocalDate asOf, bool trace = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new Interpreter(this, inputs, asOf, trace).Run();
    }

    /// <summary>The rule set compiled to delegates (once; later calls return the same instance).</summary>
    public CompiledRuleSet Compile() => _compiled ??= new CompiledRuleSet(this);
}
