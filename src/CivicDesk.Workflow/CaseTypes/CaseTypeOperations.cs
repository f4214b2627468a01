using System.Collections.Immutable;
using CivicDesk.Rules;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;
using CivicDesk.Workflow.Sla;
using NodaTime;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// Pure operations on a loaded case type that Core calls: which transitions a user may take, checking one before
/// it is recorded, and the SLA clocks of a service. Fields are the case's values in the rules language's types.
/// </summary>
public static class CaseTypeOperations
{
    /// <summary>Every transition leaving <paramref name="currentState"/>, each with why it is refused.</summary>
    public static ImmutableArray<TransitionOption> AvailableTransitions(
        CaseType caseType,
        string currentState,
        IReadOnlyCollection<string> roles,
        IReadOnlyDictionary<string, Value> fields,
        LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(caseType);
        return [.. caseType.Transitions
            .Where(t => t.From.Contains(currentState, StringComparer.Ordinal))
            .Select(t => new TransitionOption(t, Refusals(t, roles, fields, asOf, requireFields: false)))];
    }

    /// <summary>Checks a transition as it is taken: state, role, required fields and guard.</summary>
    public static TransitionOutcome Apply(
        CaseType caseType,
        string currentState,
        string transitionId,
        IReadOnlyCollection<string> roles,
        IReadOnlyDictionary<string, Value> fields,
        LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(caseType);
        CaseTransition? transition = caseType.Transition(transitionId);
        if (transition is null)
        {
            return Refused(new(RefusalReason.UnknownTransition,
                $"case type '{caseType.Key}' version {caseType.Version} has no transition '{transitionId}'"));
        }

        if (!transition.From.Contains(currentState, StringComparer.Ordinal))
        {
            return Refused(new(RefusalReason.NotFromThisState,
                $"transition '{transitionId}' does not leave state '{currentState}'; it leaves: "
                + string.Join(", ", transition.From)));
        }

        ImmutableArray<TransitionRefusal> refusals = Refusals(transition, roles, fields, asOf, requireFields: true);
        return refusals.IsEmpty
            ? new TransitionOutcome(transition.To, transition.Notifications, [])
            : new TransitionOutcome(null, [], refusals);
    }

    /// <summary>
    /// The SLA clocks of a case of <paramref name="serviceCode"/>: each clock with the service's own amount when
    /// the case type gives one, else the default, paused in the case type's paused states.
    /// </summary>
    public static ImmutableArray<CaseTypeClock> SlaClockDefinitions(CaseType caseType, string serviceCode)
    {
        ArgumentNullException.ThrowIfNull(caseType);
        string[] paused = [.. caseType.States.Where(s => s.Kind == StateKind.Paused).Select(s => s.Id)];
        return [.. caseType.Sla.Select(s => new CaseTypeClock(s.Calendar, new SlaClockDefinition(
            s.Clock,
            s.Services.GetValueOrDefault(serviceCode, s.Target).ToTarget(),
            new ClockTrigger(s.Start.States, s.Start.Events),
            new ClockTrigger(s.Stop.States, s.Stop.Events),
            paused,
            [.. s.Warnings.Select(w => new SlaWarning(w.Id, Duration.FromHours(w.BusinessHoursBefore)))])))];
    }

    private static TransitionOutcome Refused(TransitionRefusal refusal) => new(null, [], [refusal]);

    private static ImmutableArray<TransitionRefusal> Refusals(
        CaseTransition transition,
        IReadOnlyCollection<string> roles,
        IReadOnlyDictionary<string, Value> fields,
        LocalDate asOf,
        bool requireFields)
    {
        List<TransitionRefusal> refusals = [];
        if (!transition.Roles.Any(r => roles.Contains(r, StringComparer.Ordinal)))
        {
            refusals.Add(new(RefusalReason.RoleNotAllowed,
                $"only these roles may take '{transition.Id}': {string.Join(", ", transition.Roles)}"));
        }

        if (requireFields)
        {
            refusals.AddRange(transition.RequiredFields.Where(f => !HasValue(fields, f)).Select(f =>
                new TransitionRefusal(
                    RefusalReason.RequiredFieldMissing, $"'{transition.Id}' needs field '{f}'", f)));
        }

        if (transition.GuardRules is { } guard && GuardRefusal(transition, guard, fields, asOf) is { } refused)
        {
            refusals.Add(refused);
        }

        return [.. refusals];
    }

    private static bool HasValue(IReadOnlyDictionary<string, Value> fields, string name) =>
        fields.TryGetValue(name, out Value? value) && !value.IsUnknown && value is not TextValue { Value: "" };

    private static TransitionRefusal? GuardRefusal(
        CaseTransition transition,
        RuleSet guard,
        IReadOnlyDictionary<string, Value> fields,
        LocalDate asOf)
    {
        RuleInputs inputs = RuleInputs.For(guard);
        foreach ((string name, Value value) in fields.Where(f => guard.Input(f.Key) is not null))
        {
            try
            {
                inputs.Set(name, value);
            }
            catch (RuleInputException error)
            {
                return new(RefusalReason.GuardUndecided, $"the guard of '{transition.Id}' cannot read {error.Message}");
            }
        }

        EvaluationResult result = guard.Evaluate(inputs, asOf);
        return result[GuardCompiler.Output] switch
        {
            BooleanValue { Value: true } => null,
            UnknownValue unknown => new(RefusalReason.GuardUndecided,
                $"the guard of '{transition.Id}' ({transition.Guard}) cannot be decided without: "
                + string.Join(", ", unknown.Needs)),
            _ => new(RefusalReason.GuardFalse, $"the guard of '{transition.Id}' is not met: {transition.Guard}"),
        };
    }
}
