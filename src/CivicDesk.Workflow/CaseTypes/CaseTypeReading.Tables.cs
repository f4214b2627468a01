using System.Collections.Immutable;
using CivicDesk.Rules;
using CivicDesk.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace CivicDesk.Workflow.CaseTypes;

internal sealed partial class CaseTypeReading
{
    // The outputs each table must name, by role, with the rules type the role needs.
    private static readonly (string Role, RuleType Type, bool Required)[] RoutingOutputs =
        [("department", RuleType.Text, true), ("queue", RuleType.Text, false)];

    private static readonly (string Role, RuleType Type, bool Required)[] TriageOutputs =
        [("priority", RuleType.Integer, true)];

    private readonly Dictionary<string, RuleSet?> _ruleFiles = new(StringComparer.Ordinal);

    private DecisionTableReference? ReadTable(
        YamlNode? node,
        string what,
        (string Role, RuleType Type, bool Required)[] outputs)
    {
        if (node is null)
        {
            return null;
        }

        Dictionary<string, YamlNode> keys = Reader.Keys(node, what,
            ["rules", .. outputs.Where(o => o.Required).Select(o => o.Role)],
            [.. outputs.Where(o => !o.Required).Select(o => o.Role)]);
        string? path = Reader.Text(keys.GetValueOrDefault("rules"), what + " rules");
        RuleSet? rules = path is null ? null : LoadRules(path, keys["rules"], what);
        ImmutableSortedDictionary<string, string>.Builder named =
            ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach ((string role, RuleType type, bool _) in outputs)
        {
            if (Reader.Text(keys.GetValueOrDefault(role), $"{what} {role}") is not { } output)
            {
                continue;
            }

            named[role] = output;
            RuleNode? found = rules?.Outputs.FirstOrDefault(o => o.Name == output);
            if (rules is not null && found is null)
            {
                Reader.Error(keys[role], $"{what} {role}: '{output}' is not an output of rule set '{rules.Id}'; "
                    + $"its outputs are: {string.Join(", ", rules.Outputs.Select(o => o.Name))}");
            }
            else if (found is not null && !found.Type.Equals(type))
            {
                Reader.Error(keys[role], $"{what} {role}: output '{output}' must be {type.Name}, "
                    + $"but rule set '{rules!.Id}' gives {found.Type.Name}");
            }
        }

        return rules is null || path is null
            ? null
            : new DecisionTableReference(path, rules.Id, rules.Version, rules.ContentHash, named.ToImmutable())
            {
                RuleSet = rules,
            };
    }

    private RuleSet? LoadRules(string path, YamlNode at, string what)
    {
        if (!_ruleFiles.TryGetValue(path, out RuleSet? rules))
        {
            rules = TryLoadRules(path, at, what);
            _ruleFiles[path] = rules;
            CheckRuleInputs(rules, at, what);
        }

        return rules;
    }

    private RuleSet? TryLoadRules(string path, YamlNode at, string what)
    {
        if (readRelative(path) is null)
        {
            Reader.Error(at, $"{what} rules: no rule file '{path}'");
            return null;
        }

        try
        {
            return RuleSetLoader.Load(path, readRelative);
        }
        catch (RulesLoadException error)
        {
            Reader.Error(at, $"{what} rules: rule file '{path}' does not load ({error.Diagnostics.Count} problems)");
            Reader.Problems.AddRange(error.Diagnostics.Select(d => new FileProblem(d.Position.File,
                d.Position.Line, d.Position.Column, $"expected {d.Expected}, found {d.Found}")));
            return null;
        }
    }

    // Core fills a rule set's inputs from the case's fields, so each input must be a field of the same type.
    private void CheckRuleInputs(RuleSet? rules, YamlNode at, string what)
    {
        foreach (RuleInput input in rules?.Inputs ?? [])
        {
            CaseField? field = _fields.GetValueOrDefault(input.Name);
            if (field is null || field.Type != input.Type.Name)
            {
                Reader.Error(at, $"{what} rules: input '{input.Name}' ({input.Type.Name}) of rule set "
                    + $"'{rules!.Id}' must be a field of the case type with that type");
            }
        }
    }
}
