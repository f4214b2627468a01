using System.Collections.Immutable;
using CivicDesk.Rules;
using YamlDotNet.RepresentationModel;

namespace CivicDesk.Workflow.CaseTypes;

internal sealed partial class CaseTypeReading
{
    private ImmutableArray<CaseTransition> ReadTransitions(YamlNode? node)
    {
        List<CaseTransition> transitions = [];
        HashSet<string> ids = new(StringComparer.Ordinal);
        foreach (YamlNode item in Reader.Sequence(node, "transitions"))
        {
            Dictionary<string, YamlNode> keys = Reader.Keys(item, "a transition", ["id", "from", "to", "roles"],
                ["requires", "guard", "notify"]);
            string? id = Reader.Text(keys.GetValueOrDefault("id"), "a transition's id");
            if (id is not null && !ids.Add(id))
            {
                Reader.Error(item, $"duplicate transition '{id}'");
            }

            string name = $"transition '{id}'";
            List<(string Value, YamlNode Node)> from = ReadFrom(keys.GetValueOrDefault("from"), name);

            string? to = Reader.Text(keys.GetValueOrDefault("to"), name + " to");
            if (to is not null)
            {
                CheckState(to, keys["to"], $"{name} goes to");
            }

            ImmutableArray<string> roles = Roles(keys.GetValueOrDefault("roles"), name + " roles");
            ImmutableArray<string> requires = RequiredFields(keys.GetValueOrDefault("requires"), name);
            string? guard = Reader.Text(keys.GetValueOrDefault("guard"), name + " guard");
            RuleSet? guardRules = guard is null ? null : GuardCompiler.Compile(Reader, keys["guard"], name, guard,
                _fields.Values);
            ImmutableArray<Notification> notify = Notifications(keys.GetValueOrDefault("notify"), name);
            if (id is not null && to is not null)
            {
                transitions.Add(new CaseTransition(id, [.. from.Select(f => f.Value)], to, roles, requires, guard,
                    notify) { GuardRules = guardRules });
            }
        }

        return [.. transitions];
    }

    private List<(string Value, YamlNode Node)> ReadFrom(YamlNode? node, string name)
    {
        List<(string Value, YamlNode Node)> from = Reader.OneOrMany(node, name + " from");
        foreach ((string state, YamlNode at) in from)
        {
            if (CheckState(state, at, $"{name} comes from") && _states[state].State.Kind == StateKind.Closed)
            {
                Reader.Error(at, $"{name} leaves closed state '{state}'; a closed state has no way out");
            }
        }

        return from;
    }

    private ImmutableArray<string> Roles(YamlNode? node, string what)
    {
        List<(string Value, YamlNode Node)> roles = Reader.OneOrMany(node, what);
        if (node is not null && roles.Count == 0)
        {
            Reader.Error(node, $"{what}: name at least one role; no one could take it otherwise");
        }

        foreach ((string role, YamlNode at) in roles.Where(r => !context.Roles.Contains(r.Value)))
        {
            Reader.Error(at, $"{what}: unknown role '{role}'; known roles are: {string.Join(", ", context.Roles)}");
        }

        return [.. roles.Select(r => r.Value)];
    }

    private ImmutableArray<string> RequiredFields(YamlNode? node, string name)
    {
        List<(string Value, YamlNode Node)> fields = Reader.OneOrMany(node, name + " requires");
        foreach ((string field, YamlNode at) in fields.Where(f => !_fields.ContainsKey(f.Value)))
        {
            Reader.Error(at, $"{name} requires undeclared field '{field}'; declared fields are: "
                + string.Join(", ", _fields.Keys));
        }

        return [.. fields.Select(f => f.Value)];
    }

    private ImmutableArray<Notification> Notifications(YamlNode? node, string owner)
    {
        List<Notification> notifications = [];
        foreach (YamlNode item in Reader.Sequence(node, owner + " notify"))
        {
            string what = $"a notification of {owner}";
            Dictionary<string, YamlNode> keys = Reader.Keys(item, what, ["to", "template"], ["role"]);
            string? to = Reader.Choice(keys.GetValueOrDefault("to"), what + " to", "resident", "assignee", "role");
            string? template = Reader.Text(keys.GetValueOrDefault("template"), what + " template");
            string? role = Reader.Text(keys.GetValueOrDefault("role"), what + " role");
            if (to == "role" && role is null)
            {
                Reader.Error(item, $"{what} goes to a role but names none");
            }
            else if (to != "role" && role is not null)
            {
                Reader.Error(keys["role"], $"{what}: 'role' is allowed only with 'to: role'");
            }
            else if (role is not null && !context.Roles.Contains(role))
            {
                Reader.Error(keys["role"], $"{what}: unknown role '{role}'; known roles are: "
                    + string.Join(", ", context.Roles));
            }

            Recipient? recipient = to switch
            {
                "resident" => Recipient.Resident,
                "assignee" => Recipient.Assignee,
                "role" => Recipient.Role,
                _ => null,
            };
            if (recipient is { } r && template is not null)
            {
                notifications.Add(new Notification(r, role, template));
            }
        }

        return [.. notifications];
    }

    private void CheckReachable(string? initial, ImmutableArray<CaseTransition> transitions)
    {
        if (initial is null || !_states.ContainsKey(initial))
        {
            return;
        }

        HashSet<string> reached = [initial];
        Queue<string> next = new([initial]);
        while (next.TryDequeue(out string? state))
        {
            foreach (CaseTransition t in transitions.Where(t => t.From.Contains(state, StringComparer.Ordinal)))
            {
                if (reached.Add(t.To))
                {
                    next.Enqueue(t.To);
                }
            }
        }

        foreach ((string id, (CaseState _, YamlNode node)) in _states.Where(s => !reached.Contains(s.Key)))
        {
            Reader.Error(node, $"state '{id}' cannot be reached from the initial state '{initial}'");
        }
    }
}
