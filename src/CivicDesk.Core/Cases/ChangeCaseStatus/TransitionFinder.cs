using CivicDesk.Core.Common;
using CivicDesk.Workflow.CaseTypes;

namespace CivicDesk.Core.Cases.ChangeCaseStatus;

/// <summary>
/// Finds the transition a request means: the one it names, or the only one leading from the current status to the
/// status it names (among several, the only one the caller's roles may take).
/// </summary>
internal static class TransitionFinder
{
    public static Result<CaseTransition> Find(
        CaseType type,
        CaseStatus current,
        TransitionAsked asked,
        IReadOnlyCollection<string> roles)
    {
        if (asked.Transition is { } id)
        {
            if (type.Transition(id) is not { } named)
            {
                return ValidationFailed.Single("transition", "unknown",
                    $"Case type {type.Key} version {type.Version} has no transition '{id}'.");
            }

            return asked.Status is CaseStatus status && CaseTransitions.StatusOf(named.To) != status
                ? ValidationFailed.Single("status", "mismatch",
                    $"Transition '{id}' leads to {named.To}, not to {status.ToCode()}.")
                : named;
        }

        if (asked.Status is not CaseStatus wanted)
        {
            return ValidationFailed.Single(
                "transition", "required", "Choose a transition (or the status it leads to).");
        }

        List<CaseTransition> leading = [.. type.Transitions.Where(t =>
            t.From.Contains(current.ToCode(), StringComparer.Ordinal) && t.To == wanted.ToCode())];
        if (leading.Count == 0)
        {
            return ValidationFailed.Single("status", wanted == current ? "unchanged" : "not_allowed",
                $"A case that is {current.ToCode()} cannot move to {wanted.ToCode()} under case type {type.Key}.");
        }

        List<CaseTransition> mayTake =
            [.. leading.Where(t => t.Roles.Any(r => roles.Contains(r, StringComparer.Ordinal)))];
        return leading.Count == 1 ? leading[0]
            : mayTake.Count == 1 ? mayTake[0]
            : ValidationFailed.Single("transition", "ambiguous",
                $"Several transitions lead to {wanted.ToCode()}: {string.Join(", ", leading.Select(t => t.Id))}; "
                + "name one.");
    }
}
