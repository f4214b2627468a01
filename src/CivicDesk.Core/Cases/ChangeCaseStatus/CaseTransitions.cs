using System.Collections.Immutable;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Rules.Values;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Cases.ChangeCaseStatus;

/// <summary>
/// How a pinned case is worked by its case type: which transitions a user's roles may be offered, and checking the
/// one asked for through the workflow library (state, role, required fields, guard). The case type's state ids are
/// Core's status codes (docs/workflow.md); a transition to a state that is not one is refused.
/// </summary>
public sealed class CaseTransitions(CivicDeskDbContext db, PinnedCaseTypes caseTypes)
{
    /// <summary>Fields the case gives itself; a request may not set them.</summary>
    public static readonly IReadOnlyList<string> CaseFieldNames = ["service_code", "description"];

    /// <summary>The case type and guard inputs of <paramref name="found"/>; null when the case is not pinned.</summary>
    public async Task<CaseWork?> ForAsync(Case found, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (found is not { CaseTypeKey: { } key, CaseTypeVersion: int version, CaseTypeHash: { } hash })
        {
            return null;
        }

        CaseType? type = await caseTypes.ForPinAsync(
            found.JurisdictionId, new PinnedCaseType(key, version, hash), cancellationToken);
        string serviceCode = await db.Services.Where(s => s.Id == found.ServiceId).Select(s => s.Code)
            .SingleAsync(cancellationToken);
        string zoneId = await db.Jurisdictions.Where(j => j.Id == found.JurisdictionId)
            .Select(j => j.TimeZoneId).SingleAsync(cancellationToken);
        DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc;
        Dictionary<string, Value> fields = new(StringComparer.Ordinal) { ["service_code"] = Value.Of(serviceCode) };
        if (!string.IsNullOrWhiteSpace(found.Description))
        {
            fields["description"] = Value.Of(found.Description);
        }

        return new CaseWork(type, fields, now.InZone(zone).Date);
    }

    /// <summary>
    /// The transitions to offer: those leaving the current state that the roles may take and whose guard is not
    /// already false on the case's own values. A guard waiting for a field the user will type is offered.
    /// </summary>
    public static IReadOnlyList<TransitionChoice> Offered(
        CaseWork work,
        CaseStatus current,
        IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Type is not { } type)
        {
            return [];
        }

        return [.. CaseTypeOperations.AvailableTransitions(type, current.ToCode(), roles, work.CaseFields, work.AsOf)
            .Where(o => o.Refusals.All(r => r.Reason == RefusalReason.GuardUndecided))
            .Select(o => (Option: o, To: StatusOf(o.Transition.To)))
            .Where(o => o.To is not null)
            .Select(o => new TransitionChoice(
                o.Option.Transition.Id,
                o.To!.Value,
                type.State(o.Option.Transition.To)!.Label,
                o.Option.Transition.RequiredFields))];
    }

    /// <summary>
    /// Finds the transition asked for (by id, or by target status when exactly one leads there) and checks it with
    /// the fields given; every refusal becomes a field error naming the field at fault.
    /// </summary>
    public static Result<ChosenTransition> Choose(
        CaseWork work,
        CaseStatus current,
        TransitionAsked asked,
        IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(asked);
        if (work.Type is not { } type)
        {
            return ValidationFailed.Single("transition", "case_type_unavailable",
                "The case type version this case is worked by cannot be loaded; ask an administrator.");
        }

        Result<CaseTransition> found = TransitionFinder.Find(type, current, asked, roles);
        if (!found.TryGetValue(out CaseTransition? transition, out Error? notFound))
        {
            return notFound;
        }

        (Dictionary<string, Value> values, Dictionary<string, string> given, List<FieldError> errors) =
            TransitionFields.Read(type, asked.Fields, work.CaseFields);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        // The notifications the transition names are put in the outbox by ChangeCaseStatusHandler, in its commit.
        TransitionOutcome outcome = CaseTypeOperations.Apply(
            type, current.ToCode(), transition.Id, roles, values, work.AsOf);
        if (!outcome.Succeeded)
        {
            // One error per field: a guard cannot be decided without the field already reported missing.
            return new ValidationFailed(
                [.. outcome.Refusals.Select(r => ErrorFor(transition, r)).DistinctBy(e => e.Field)]);
        }

        return StatusOf(outcome.NewState!) is CaseStatus to
            ? new ChosenTransition(transition, to, given)
            : ValidationFailed.Single("transition", "unknown_state",
                $"'{transition.Id}' leads to '{transition.To}', which is not a case status.");
    }

    internal static CaseStatus? StatusOf(string state) =>
        CaseStatusExtensions.TryParseCode(state, out CaseStatus status) && status.ToCode() == state ? status : null;

    private static FieldError ErrorFor(CaseTransition transition, TransitionRefusal refusal) => refusal.Reason switch
    {
        RefusalReason.RoleNotAllowed => new FieldError("transition", "role_not_allowed",
            $"Your role may not take '{transition.Id}'; it is for: {string.Join(", ", transition.Roles)}."),
        RefusalReason.RequiredFieldMissing => new FieldError(TransitionFields.Key(refusal.Field!), "required",
            $"'{transition.Id}' needs a value for {refusal.Field}."),
        RefusalReason.GuardFalse => new FieldError(GuardField(transition), "guard_false",
            $"The rule of '{transition.Id}' is not met: {transition.Guard}."),
        RefusalReason.GuardUndecided => new FieldError(GuardField(transition), "guard_undecided",
            $"The rule of '{transition.Id}' cannot be decided with the values given: {transition.Guard}."),
        RefusalReason.NotFromThisState or RefusalReason.UnknownTransition =>
            new FieldError("transition", "not_allowed", refusal.Message),
    };

    // A guard is about the fields the transition asks for; name the first one it mentions, else the transition.
    private static string GuardField(CaseTransition transition) =>
        transition.RequiredFields.FirstOrDefault(f => Mentions(transition.Guard ?? string.Empty, f)) is { } field
            ? TransitionFields.Key(field)
            : "transition";

    private static bool Mentions(string guard, string name)
    {
        ImmutableArray<string> words = [.. guard.Split(
            [' ', '(', ')', '[', ']', ',', '=', '<', '>', '!', '+', '-', '*', '/'],
            StringSplitOptions.RemoveEmptyEntries)];
        return words.Contains(name, StringComparer.Ordinal);
    }
}

/// <summary>
/// What a request asks for: a transition id, a target status, or both (they must agree), and the field values.
/// </summary>
public sealed record TransitionAsked(
    string? Transition,
    CaseStatus? Status,
    IReadOnlyDictionary<string, string> Fields);
