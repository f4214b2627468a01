using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>One load of one case-type file: reads each section, checking as it goes, and collects problems.</summary>
internal sealed partial class CaseTypeReading(string file, Func<string, string?> readRelative, CaseTypeContext context)
{
    private static readonly string[] FieldTypes = ["text", "integer", "decimal", "boolean", "date"];

    // Field names are inputs of the rules language in guards, routing and triage, so they follow its identifiers
    // and may not be its reserved words (CivicDesk.Rules keeps the list internal; this copy must follow it).
    private static readonly string[] ReservedNames =
    [
        "and", "or", "not", "if", "then", "else", "in", "true", "false", "rules", "include", "outputs", "input",
        "parameter", "define", "table", "row", "from", "as_of", GuardCompiler.Output,
    ];

    private readonly Dictionary<string, CaseField> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CaseState State, YamlNode Node)> _states = new(StringComparer.Ordinal);

    // The services the case type is limited to; empty when it is for every service.
    private List<string> _services = [];

    public YamlReader Reader { get; } = new(file);

    public CaseType? Read(string text)
    {
        if (Reader.Parse(text) is not { } root)
        {
            return null;
        }

        Dictionary<string, YamlNode> keys = Reader.Keys(root, "the case type",
            ["key", "version", "labels", "fields", "states", "initial", "transitions"],
            ["services", "routing", "triage", "sla", "escalations"]);
        string? key = Reader.Text(keys.GetValueOrDefault("key"), "key");
        int? version = Reader.Integer(keys.GetValueOrDefault("version"), "version", 1);
        LocalizedText? labels = Labels(keys.GetValueOrDefault("labels"), "labels");
        ImmutableArray<string> services = ReadServices(keys.GetValueOrDefault("services"));
        ImmutableArray<CaseField> fields = ReadFields(keys.GetValueOrDefault("fields"));
        ImmutableArray<CaseState> states = ReadStates(keys.GetValueOrDefault("states"));
        string? initial = ReadInitial(keys.GetValueOrDefault("initial"));
        ImmutableArray<CaseTransition> transitions = ReadTransitions(keys.GetValueOrDefault("transitions"));
        CheckReachable(initial, transitions);
        DecisionTableReference? routing = ReadTable(keys.GetValueOrDefault("routing"), "routing", RoutingOutputs);
        DecisionTableReference? triage = ReadTable(keys.GetValueOrDefault("triage"), "triage", TriageOutputs);
        ImmutableArray<SlaTargetDefinition> sla = ReadSla(keys.GetValueOrDefault("sla"));
        ImmutableArray<Escalation> escalations = ReadEscalations(keys.GetValueOrDefault("escalations"), sla);
        if (key is null || version is null || labels is null || initial is null)
        {
            return null;
        }

        return new CaseType(key, version.Value, labels, services, fields, states, initial, transitions, routing,
            triage, sla, escalations);
    }

    private LocalizedText? Labels(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        Dictionary<string, YamlNode> keys = Reader.Keys(node, what, ["en", "es"], []);
        string? en = Reader.Text(keys.GetValueOrDefault("en"), what + ".en");
        string? es = Reader.Text(keys.GetValueOrDefault("es"), what + ".es");
        return en is null || es is null ? null : new LocalizedText(en, es);
    }

    private ImmutableArray<string> ReadServices(YamlNode? node)
    {
        List<(string Value, YamlNode Node)> services = Reader.OneOrMany(node, "services");
        IEnumerable<(string, YamlNode)> repeated =
            services.Where((s, i) => services.FindIndex(o => o.Value == s.Value) < i);
        foreach ((string code, YamlNode at) in repeated)
        {
            Reader.Error(at, $"service '{code}' is listed twice");
        }

        _services = [.. services.Select(s => s.Value)];
        return [.. _services.Distinct(StringComparer.Ordinal)];
    }

    private ImmutableArray<CaseField> ReadFields(YamlNode? node)
    {
        foreach (YamlNode item in Reader.Sequence(node, "fields"))
        {
            Dictionary<string, YamlNode> keys = Reader.Keys(item, "a field", ["name", "type"], ["required"]);
            string? name = Reader.Text(keys.GetValueOrDefault("name"), "a field's name");
            string? type = Reader.Choice(keys.GetValueOrDefault("type"), "a field's type", FieldTypes);
            bool required = Reader.Boolean(keys.GetValueOrDefault("required"), "a field's required") ?? false;
            if (name is null || type is null)
            {
                continue;
            }

            if (!IsIdentifier(name) || ReservedNames.Contains(name, StringComparer.Ordinal))
            {
                Reader.Error(keys["name"], $"field name '{name}' must be a name of the rules language: a letter or _, "
                    + "then letters, digits or _, and not a reserved word");
                continue;
            }

            if (!_fields.TryAdd(name, new CaseField(name, type, required)))
            {
                Reader.Error(item, $"duplicate field '{name}'");
            }
        }

        return [.. _fields.Values];
    }

    private ImmutableArray<CaseState> ReadStates(YamlNode? node)
    {
        foreach (YamlNode item in Reader.Sequence(node, "states"))
        {
            Dictionary<string, YamlNode> keys = Reader.Keys(item, "a state", ["id", "kind", "label"], []);
            string? id = Reader.Text(keys.GetValueOrDefault("id"), "a state's id");
            string? kind = Reader.Choice(keys.GetValueOrDefault("kind"), "a state's kind", "open", "paused", "closed");
            LocalizedText? label = Labels(keys.GetValueOrDefault("label"), "a state's label");
            if (id is null || kind is null || label is null)
            {
                continue;
            }

            StateKind parsed = kind switch
            {
                "paused" => StateKind.Paused,
                "closed" => StateKind.Closed,
                _ => StateKind.Open,
            };
            if (!_states.TryAdd(id, (new CaseState(id, label, parsed), item)))
            {
                Reader.Error(item, $"duplicate state '{id}'");
            }
        }

        return [.. _states.Values.Select(s => s.State)];
    }

    private string? ReadInitial(YamlNode? node)
    {
        string? initial = Reader.Text(node, "initial");
        if (initial is not null && _states.Count > 0 && !_states.ContainsKey(initial))
        {
            Reader.Error(node!, $"initial state '{initial}' is not declared; {DeclaredStates()}");
        }
        else if (initial is not null && _states.TryGetValue(initial, out (CaseState State, YamlNode Node) declared)
            && declared.State.Kind == StateKind.Closed)
        {
            Reader.Error(node!, $"initial state '{initial}' is closed; a new case must start open or paused");
        }

        return initial;
    }

    private static bool IsIdentifier(string name) =>
        (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private string DeclaredStates() => "declared states are: " + string.Join(", ", _states.Keys);

    private bool CheckState(string id, YamlNode node, string what)
    {
        if (_states.ContainsKey(id))
        {
            return true;
        }

        Reader.Error(node, $"{what} undeclared state '{id}'; {DeclaredStates()}");
        return false;
    }
}
