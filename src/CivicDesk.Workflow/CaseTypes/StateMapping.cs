using System.Collections.Immutable;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// Checks a state mapping for moving the open cases of one version of a case type to a later one: every state of
/// the old version that is not closed is mapped, to a state declared in the new version that is not closed
/// (closing cases is done with a transition, which is audited and notifies). The preview with counts per mapping
/// is Core's, since it needs the cases.
/// </summary>
public static class StateMapping
{
    public static ImmutableArray<StateMappingProblem> Check(
        CaseType from,
        CaseType to,
        IReadOnlyDictionary<string, string> mapping)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(mapping);
        List<StateMappingProblem> problems = [];
        if (from.Key != to.Key || to.Version <= from.Version)
        {
            problems.Add(new("", $"cases of '{from.Key}' version {from.Version} can move only to a later version "
                + $"of the same case type, not to '{to.Key}' version {to.Version}"));
        }

        foreach (CaseState state in from.States.Where(s => s.Kind != StateKind.Closed))
        {
            if (!mapping.TryGetValue(state.Id, out string? target))
            {
                problems.Add(new(state.Id, $"open state '{state.Id}' of version {from.Version} is not mapped"));
            }
            else if (to.State(target) is not { } mapped)
            {
                problems.Add(new(state.Id, $"state '{state.Id}' is mapped to '{target}', which version "
                    + $"{to.Version} does not declare; its states are: "
                    + string.Join(", ", to.States.Select(s => s.Id))));
            }
            else if (mapped.Kind == StateKind.Closed)
            {
                problems.Add(new(state.Id, $"state '{state.Id}' is mapped to closed state '{target}'; "
                    + "close cases with a transition, not a migration"));
            }
        }

        foreach (string extra in mapping.Keys.Where(k => from.State(k) is not { Kind: not StateKind.Closed }))
        {
            problems.Add(new(extra, $"'{extra}' is not an open state of version {from.Version}; "
                + "only open and paused states are mapped"));
        }

        return [.. problems];
    }
}
